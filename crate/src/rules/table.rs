//! The phrasings of every practice, as rules over normalized sentences.
//!
//! Patterns are written for how policies phrase things in general, in the
//! phrase language of [`crate::phrase::syntax`]. `{NAME}` stands for a
//! fragment of [`FRAGMENTS`], expanded before compiling. The per-phrase
//! tests in `crate/tests/phrases.rs` pin each rule down.

use super::Rule;
use crate::taxonomy::BadgeId::*;

/// Shared vocabulary, referenced from patterns as `{NAME}`.
pub const FRAGMENTS: &[(&str, &str)] = &[
    // Personal data, as policies name it.
    (
        "PD",
        "(personal(ly)?[- ]identif(iable|ying) (information|data|details)|personal (information|data|details|info)|pii|(your|customers?|users?|members?|visitors?|subscribers?|clients?)'? ~1 (information|data|details|info)|information (about|from|of|on|regarding) (you|our (users|customers|visitors|members))|(e-?mail|postal|mailing) address(es)?|contact (information|details|lists?)|customer (lists?|records|information))",
    ),
    // Others who may receive data.
    (
        "TP",
        "(third[- ]part(y|ies)|(business |marketing |advertising |trusted |select(ed)? |strategic |joint[- ]marketing |referral |promotional |co-branding )?partners?|affiliate(s|d (companies|entities|businesses))|advertisers|sponsors|(other|outside|unaffiliated|non-?affiliated|unrelated) (companies|businesses|organi[sz]ations|entities|parties|firms|third parties|merchants)|marketers|data brokers?|ad networks?|(parent|sister|related|group) compan(y|ies)|family of companies|common (control|ownership)|subsidiaries|outsiders)",
    ),
    // Verbs of handing data over.
    (
        "SHARE",
        "(shar(e|es|ed|ing)|disclos(e|es|ed|ing)|(provid(e|es|ed|ing)|giv(e|es|en|ing)) ~4 (information|data|details|lists?|records|it|them|addresses|names) to|(provided|given) to|give out|transfer(s|red|ring)?|releas(e|es|ed|ing)|distribut(e|es|ed|ing)|pass(es|ed|ing)?( on| along)?|mak(e|es|ing) (it |them |such information |this information |your information )?available|made available|exchang(e|es|ed|ing)|furnish(es|ed|ing)?|sends?|sent|transmit(s|ted|ting)?|reveal(s|ed|ing)?|communicat(e|es|ed|ing))",
    ),
    // Verbs of selling data.
    ("SELL", "(sell|sells|sold|selling|rent|rents|rented|renting|lease|leases|leased|leasing|barter)"),
    // Verbs of taking data in.
    (
        "COLLECT",
        "(collect*|gather*|obtain*|receiv*|ask*|request*|requir*|provid*|submit*|enter*|give|gives|giving|given|supply|supplie*|supplying|sign*|regist*|record*|store|stores|stored|storing|fill*|captur*|send*|sent)",
    ),
    // Statements that the reader can do something.
    (
        "USER_CAN",
        "((you|users?|visitors?|members?|customers?|individuals?|subscribers?|parents?|account holders?) ~4 (can|may|could|are able|will be able|have (the )?(right|ability|option|opportunity|choice)|right to|request|should contact|need to contact|wish to|would like to|want to|are entitled|be given)|(upon|on|by|at|with) (your |a |written )?(written )?request|right (of|to) (access|rectif*|correct|delet*|eras*|portab*|obtain|review)|(we|us) ~2 (provide|give|offer|allow|enable|permit|let)s? (you|users|individuals|customers|members|visitors)|(please|simply|just) (contact|e-?mail|write|call|visit|log|sign|go|click|send|use)|(allows?|lets?|enables?|permits?) you|(ask|asking) (us|that we)|if you ask|by (contacting|e-?mailing|writing|calling|visiting|logging|signing|going|clicking|sending|accessing|using your)|self-service|your (account|profile) (settings|page|preferences))",
    ),
    // A policy's revision.
    (
        "POLICY_CHANGE",
        "((chang*|modif*|updat*|revis*|amend*|alter*) ~5 (policy|policies|statement|notice|terms|practices|privacy)|(policy|statement|notice|practices) ~4 (chang*|modif*|updat*|revis*|amend*)|in a manner (materially )?different|material(ly)? (chang*|modif*|revis*|different)|new uses)",
    ),
    // A change notice that is only a posting on the site.
    (
        "NOTICE_BY_POSTING",
        "(by (posting|publishing|placing|displaying|updating|putting|revising)|(post(ing)?|plac(e|ing)|display(ing)?|publish(ing)?) (a |the |an )?(notice|message|banner|link|changes?|revised|updated|new) ~ on (the|our|this)|(in|on) this (privacy )?(policy|statement|notice|page)|here)",
    ),
    // The sale of a business, not of data.
    (
        "BUSINESS_SALE",
        "(merger*|acquisition*|acquired|bankrupt*|insolven*|reorgani[sz]*|divest*|successor*|(sell|sale of|selling|sells|sold) (all|substantially|some|part|a portion|any|the company|our (company|business|assets|stores)|its (business|assets)|(a |the )?business(es)?|assets|stores|subsidiaries)|(business|businesses|company|assets|units?|operations?|sites?|websites?|properties|divisions) ~3 (are|is|be|being|was|were) (sold|transferred|acquired))",
    ),
    // Who tracks visitors for others.
    (
        "TRACKER",
        "(advertising (networks?|companies|partners|vendors|providers|service providers|agencies)|ad (networks?|servers?|companies|partners|vendors|serving companies)|(our |these |such |the )?advertisers|analytics (providers?|services?|partners|companies|vendors|tools?|software)|web analytics|interest[- ]based (advertising|ads)|online behaviou?ral advertising|behaviou?ral(ly)? (targeted )?(advertising|ads)|re-?targeting|remarketing|cross[- ](site|device) tracking)",
    ),
    // What trackers do on a site.
    (
        "TRACKING_ACT",
        "(cookies?|beacons?|pixels?|tags?|track*|collect*|gather*|information about (your|you)|(serve|deliver|display)s? ~1 (ads|advertisements)|analy[sz]*)",
    ),
    // Payment data.
    (
        "PAYMENT",
        "(credit[- ]cards?|debit cards?|(bank|payment|charge) cards?|card (numbers?|details|information|data|holder)|payment (information|details|data|methods?|account information|card information)|billing (information|details|address(es)?|data|name)|bank(ing)? (account|details|information)|financial (information|data|details|account)|account numbers?|cvv|card security codes?|purchase (history|information|records))",
    ),
    // Numbers of days, months or years ("30", "thirty (30)").
    ("NUMBER", "(0|one|two|three|four|five|six|seven|ten|twelve|fifteen|eighteen|twenty-four|thirty|sixty|ninety)( \\(0\\))?"),
];

/// Every rule, in no particular order (document-level resolution happens in
/// [`crate::resolve`]).
pub const RULES: &[Rule] = &[
    // ----- tracking
    Rule::site(
        Cookies,
        "(cookies?|web ?beacons?|pixel tags?|tracking pixels?|(clear|transparent|invisible|single[- ]pixel|0x0) (gifs?|images?|pixels?)|(html0 )?local (shared objects|storage)|flash cookies|beacons|tracking technolog(y|ies)|similar technologies|session identifiers?)",
    )
    .unless("cookie(-| )?(free|less)")
    .or_denied(NoCookies),
    Rule::site(NoCookies, "cookie(-| )?(free|less)"),
    Rule::site(
        ThirdPartyTracking,
        "(third[- ]party|outside) (advertis*|ad (servers?|networks?|companies|vendors|partners|serving)|analytics|cookies|tracking|web beacons|beacons|pixels?|tags|trackers?)",
    )
    .also("{TRACKING_ACT}"),
    Rule::site(
        ThirdPartyTracking,
        "(google analytics|google adsense|adsense|doubleclick|omniture|adobe analytics|quantcast|comscore|nielsen|hotjar|mixpanel|facebook pixel|meta pixel|chartbeat|crazy ?egg|kissmetrics|webtrends|coremetrics|addthis|sharethis|atlas|0/0 real media|yahoo! analytics)",
    ),
    Rule::site(
        ThirdPartyTracking,
        // The tracker acts: "ad networks may place cookies", "information
        // collected by analytics providers".
        "({TRACKER} ~8, {TRACKING_ACT}|{TRACKING_ACT} ~4, (by|to|with|from) ~1 {TRACKER})",
    ),
    Rule::site(
        ThirdPartyTracking,
        "(across|on) ~1 (web ?sites|sites|services|apps|devices|the (internet|web)) (and|or|over time)",
    )
    .also("(track*|collect*|cookies?|advertis*|ads)"),
    Rule::site(
        DntHonored,
        "(respond(s|ing)?|honou?r(s|ed|ing)?|recogni[sz](e|es|ed|ing)|compl(y|ies|ying)|support(s|ed|ing)?|acts? on|obey(s|ed)?|treats?|process(es)?|alter(s)? (our|its) (practices|data collection|tracking))",
    )
    .also("(do[- ]not[- ]track (signals?|requests?|settings?|features?|preferences?|mechanisms?|headers?|options?|standards?|browser|technolog*|\\()|dnt|\"do not track\"|'do not track'|global privacy control|gpc)")
    .or_denied(DntIgnored),
    // ----- collection
    Rule::denial(CollectsOnlyProvided, "(collect*|gather*|obtain*|record*|captur*|request*|requir*)")
        .also("(voluntar*|you (choose|elect|decide|opt|wish) to|unless (you|the user|a user|it is|they)|except (when|where|if) you|other than (information|what|that which|the information) you|without your (knowledge|consent|permission))"),
    Rule::site(
        CollectsOnlyProvided,
        "(only|solely|exclusively) (collect|gather|obtain|receive|have|know|store|request)s? ~6 (information|data)",
    )
    .also("(voluntar*|you (choose|elect|decide|opt|wish) to|(that|which|when|if) you (knowingly |actively |specifically |explicitly |directly )?(provide*|give*|submit*|supply|supplie*|enter*|send*|share*|volunteer*|fill*)|you (provide|give|submit|send) (to )?us)"),
    Rule::site(
        CollectsOnlyProvided,
        "(collect|gather|obtain|receive)s? ~6 only (when|if|where|after) you ~2 (provide*|give*|submit*|choose*|elect*|volunteer*|send*|register*|contact*)",
    ),
    Rule::site(
        CollectsOnlyProvided,
        "the only (personal |personally identifiable )?(information|data) (we|that we) (collect|gather|obtain|have|receive|hold|keep|store)",
    ),
    Rule::site(
        ContactInfo,
        "(e-?mail address(es)?|(postal|mailing|street|home|billing|shipping|physical) address(es)?|(tele)?phone numbers?|(mobile|cell(ular)?|fax) (phone )?numbers?|contact (information|details|info|data))",
    )
    .also("({COLLECT}|need*|contain*|includ*|us(e|es|ed|ing)|keep*|kept|maintain*|access*|know*|shar*|disclos*)"),
    Rule::site(
        ContactInfo,
        "((your|full|first|last|real|legal|customer|contact|billing|shipping) names?|names?,? (and |or )?(your )?(e-?mail|address|phone|telephone|title|company)|(such as|including|like|e.g.,?|i.e.,?) (your )?(full )?name)",
    )
    .also("{COLLECT}"),
    Rule::site(
        DeviceInfo,
        "(ip address(es)?|internet protocol (\\(ip\\) )?address(es)?|internet (domain|address(es)?)|browser (types?|versions?|languages?|information|software|settings|characteristics)|types? of (web )?browsers?|operating systems?|device (types?|identifiers?|ids?|information|models?|data|characteristics)|(unique |mobile |advertising )?device (identifiers?|ids?)|mac address(es)?|referr(ing|er|al) (urls?|sites?|websites?|pages?|web ?sites?|domains?|addresses)|(server|web|access|usage) logs?|log (files?|data|information)|logs? of|clickstream|click-stream|(pages?|urls|content) (that )?(you )?(visit|visited|view|viewed|read|access|accessed|request|requested|browse|browsed)|domain names?|isp|internet service providers?|screen resolution|user[- ]agent|time zones?|date and time of (your )?(visit|access|request)s?|access times?|hardware models?)",
    ),
    Rule::site(
        Location,
        "(geo-?locat*|(precise|approximate|general|physical|geographic(al)?|device'?s?|real[- ]time|your|current|mobile|gps) locations?|location[- ](data|information|based|services?|tracking|aware)|locations? (data|information)|gps|global positioning|latitude|longitude|zip codes?|postal codes?|city,? (and |or )?(state|country)|hometown|where you are located)",
    ),
    Rule::site(
        SensorDataShared,
        "(sensor data|sensors?|accelerometers?|gyroscopes?|magnetometers?|barometers?|motion (data|sensors?|activity)|gps (data|receivers?|coordinates|signals?))",
    )
    .also("(sends?|sent|shar(e|es|ed|ing)|transmit*|disclos*|transfer*|provid(e|es|ed|ing) to|third[- ]part*|partners?)")
    .unless("((transmitted|sent|provided|disclosed|shared|sends?) to (us|our servers?)|we (receive|collect|obtain))"),
    Rule::site(FinancialInfo, "{PAYMENT}")
        .also("({COLLECT}|us(e|es|ed|ing)|process*|keep*|kept|charg*|bill*|pay*|purchas*|order*|transaction*|includ*|such as)")
        .unless(
        "((credit[- ]card|payment) (payment )?processing (services?|companies|vendors|providers?)|process(es|ing)? (credit card )?(transactions|payments) for)",
    ),
    Rule::denial(
        CardNotStored,
        "(stor(e|es|ed|ing)|keep|keeps|kept|retain(s|ed|ing)?|sav(e|es|ed|ing)|record(s|ed|ing)?|hold|holds|held|(have|has|had) access to|see|sees|receiv(e|es|ed)|maintain(s|ed)?|file|on file)",
    )
    .also("(credit[- ]cards?|debit cards?|(bank|payment) cards?|card (numbers?|details|information|data)|payment (card|information|details)|financial information|billing information)"),
    // ----- sharing
    Rule::site(SharesData, "{SHARE}")
        .also("{TP}")
        .unless("(on (our|its|their) behalf|service providers?|vendors?|contractors?|processors?|agents?|(required|compelled|permitted) by law|legal (process|requirements?|obligations?)|subpoenas?|court orders?|law enforcement|merger*|acquisition*|acquired|bankrupt*|successor*|aggregat*|anonym*|de-?identified|non-?personal*|non-?identif*|not personally identif*|statistic*|public(ly)? (forums?|areas?|posts?|available)|at your (direction|request)|with your (consent|permission)|you (choose|elect|direct|request|authori[sz]e)|(disclosed|described|set (out|forth)|stated|outlined|explained) (in|by|above|below|herein)|if any|under what circumstances|legal action|injury|fraud*|illegal|protect ~3 (rights|property|safety)|(e-?mail|hosting|payment|technology|cloud) (service )?providers?|services (to|for) us)")
        .or_denied(NoSharing),
    Rule::denial(NoSharing, "{SHARE}")
        .also("({TP}|anyone|anybody|others|outside (of )?(our|the) (company|organi[sz]ation)|outside parties)"),
    // "We (do not) sell or rent your personal information": the object of
    // the sale is data, within a few words.
    Rule::site(
        SellsData,
        "{SELL} ~6, ({PD}|(this|that|such|any|these|the|your|our|their) ~1 (information|data|lists?|details|profiles?)|information|data)",
    )
    .unless("{BUSINESS_SALE}")
    .or_denied(NoSale),
    // "Your information will never be sold": data is the subject.
    Rule::site(SellsData, "(sold|rented|leased|bartered)")
        .also("({PD}|information|data|lists?|details) ~14, (is|are|be|been|being|was|were) ~4, (sold|rented|leased|bartered)")
        .unless("{BUSINESS_SALE}")
        .or_denied(NoSale),
    Rule::site(
        SharesAggregate,
        "(aggregat(e|ed)|anonymi[sz]ed|anonymous|de-?identified|non-?personal(ly)?( identifiable| identifying)?|non-?identif(iable|ying)|not personally identif(iable|ying)|statistical|demographic|generic) ~3, (information|data|statistics|reports?|form|basis|figures)",
    )
    .also("({SHARE} ~ ({TP}|others|the public|publicly|outside)|{TP} ~ {SHARE}|(shar*|disclos*|releas*|publish*|sell*|sold|distribut*|transfer*) ~8, (aggregat*|anonym*|de-?identif*|non-?personal*|non-?identif*|statistic*|demographic*)|({TP}|advertis*|analytics (providers?|services?|companies|partners)|ad (networks?|servers?)) ~ (collect|gather|receive)s?)"),
    Rule::site(
        ServiceProviders,
        "((third[- ]party |outside |trusted |independent |external )?(service providers?|vendors|contractors|(data )?processors|suppliers|(our|its|their) agents)|(companies|individuals|parties|firms|organi[sz]ations|businesses|entities) ~4 (on (our|its) behalf|to (perform|provide|help|assist|process|host|handle|fulfil*))|perform (services|functions|tasks) (on (our|its) behalf|for us)|on (our|its) behalf|(payment|credit card|order|transaction) process(ors?|ing (companies|services|providers?|partners?)|ed by)|hosting (providers?|companies|services)|(online )?(ordering|payment|billing|processing) (services?|systems?) (provided|operated|run|offered) by|intermediar(y|ies)|paypal|stripe|authorize.net|worldpay|braintree|fulfill?ment (centers?|companies|partners|providers))",
    )
    .unless("(internet service providers?|isp|(serve|serving|deliver|delivering|display|displaying) ~1 (ads|advertisements))"),
    Rule::site(
        LegalDisclosure,
        "((required|compelled|obligated|permitted|authori[sz]ed|necessary|mandated) ~3 (by|under) ~1 (laws?|statute|regulations?)|(as|when|where|if) ~2 (required|permitted|necessary|compelled) by ~1 (laws?|statute)|(comply|compliance|conform|accordance) with ~3 (laws?|legal (process|obligations?|requirements?)|subpoenas?|court orders?|regulations|edicts)|legal (process|requirements?|obligations?|proceedings?|requests?|duty|claims?)|subpoenas?|court orders?|search warrants?|warrants|law enforcement|government(al)? (agenc(y|ies)|authorit(y|ies)|requests?|officials|entities|bodies)|public (authorities|agencies)|judicial proceedings?|regulatory authorit(y|ies)|(protect|defend|enforce|exercise) ~3 (legal )?(rights|property|safety)|fraud (prevention|protection|detection))",
    )
    .also("({SHARE}|releas*|cooperat*|co-operat*|report(s|ed|ing)? to|(respond*|comply|complying) ~3 (subpoenas?|court|legal (process|requests?)|law enforcement|government*|authorit*|requests? (from|by)))")
    .unless("(required|obligated) by law to (protect|maintain|keep|notify|provide you|give you)"),
    Rule::site(
        BusinessTransfer,
        "(mergers?|acquisitions?|acquired|bankruptcy|insolvency|receivership|reorgani[sz]ations?|divestitures?|consolidation|change (of|in) (control|ownership)|sale of (all|substantially all|some|part|a portion|any|the company|our|its|assets|the business|a business|stock)|(sell|sells|selling|transfer|transfers|buy) (all or )?(substantially all|part|a portion|some|stores|subsidiaries|business units)|(sell|sells|selling|sold) ~5 (our|the|its) (company|business|assets|stock|shares)|(to|by) (the|a|any|such) (buyer|purchaser|acquirer|new owner)s?|successor (entity|organi[sz]ation|company|in interest)|business transfers?|transferred (business )?assets|acquiring (company|entity|party)|(business|businesses|company|assets|units?|operations?|sites?|websites?|properties|divisions) ~3 (are|is|be|being|was|were) (sold|transferred|acquired|merged))",
    )
    .also("(information|data|details|customer*|user*|assets|records|pii|address(es)?|lists?)"),
    // ----- use
    Rule::site(
        Marketing,
        "(newsletters?|e-?newsletters?|promotional (e-?mails?|messages?|materials?|offers?|communications?|information|mailings?|purposes|content)|special offers?|exclusive offers|marketing (e-?mails?|messages?|communications?|materials?|purposes|campaigns?|information|mailings?)|(direct|e-?mail|targeted) marketing|(for|of) marketing|((send|sends|sending|e-?mail|e-?mailing|mail|mailing)|(contact|contacting|notify|notifying|inform|informing|tell|telling|update|alert|let) (you|users|customers|members|subscribers)) ~6, (offers?|promotions?|products|services|events|updates|upgrades|news|announcements|rebates|discounts|deals|coupons|information about (our|new|products?|services?|offers?|upcoming|special|events?|promotions?))|advertis(e|ing|ements?) (to you|that may (be of )?interest)|(keep|keeping) you (informed|updated|up to date|posted)|(personali[sz]ed|targeted|tailored|relevant) (ads|advertis*|offers|marketing))",
    )
    .unless("(their|its) (own )?(direct )?(marketing|promotional)"),
    // ----- choices
    Rule::choice(
        MarketingOptOut,
        "(opt(-| )?out|opting out|unsubscrib*|un-subscribe|remove (yourself|you|your (name|e-?mail( address)?|address)) from ~3 (lists?|mailings?)|(stop|cease|decline|refuse) (receiving|getting|to receive)|no longer (wish|want|desire) to (receive|be contacted)|(choose|elect|ask|request) not to (receive|be contacted|have)|(adjust|change|manage|update|edit)(s|ing)? ~1 (communication|email|e-mail|marketing|subscription|advertising|notification|customer communication) (preferences|settings|options)|(reply|respond|write back)(ing)? (with|to) ~ (remove|unsubscribe|stop))",
    )
    .context("(market*|promot*|newsletter*|e-?mail*|mailing*|offers?|communication*|advertis*|messages|lists?|shar*|third|ads?|solicit*|contact*)"),
    Rule::choice(
        AccessEdit,
        "(access(ing)?|review(ing)?|view(ing)?|updat(e|ing)|correct(ing|ion)?|edit(ing)?|modify(ing)?|amend(ing)?|rectif(y|ying|ication)|inspect(ing)?|chang(e|ing)|revis(e|ing)|see|(changes|corrections|updates) to) ~4 ({PD}|(your|the|their|this|such|any|all) ~1 (account|profile|information|data|details|preferences|records?|registration|settings)|it|them|information (we|that we) (hold|have|maintain|store|keep|collect)|(inaccurate|incorrect|outdated|out-of-date|incomplete) (information|data|details|records?))",
    )
    .also("{USER_CAN}")
    .unless("((update|change|modify|revise|amend)s? ~3 (this|our|the) (privacy )?(policy|statement|notice|terms)|(authorize|allow|permit|enable|let) us to (access|view|see)|cookies?)"),
    Rule::choice(
        DeleteData,
        "(delet(e|ed|ing|ion)|remov(e|ed|al|ing)|eras(e|ed|ure|ing)|cancel(l?ing|l?ed|lation)? (of )?(your |their )?(account|registration|membership|profile)|clos(e|ing|ure of) (your |their )?account|purg(e|ed|ing))",
    )
    .also("{USER_CAN}")
    .context("(information|data|details|account|profile|records?|registration)")
    .unless("(cookies|browser|(mailing|e-?mail|distribution|subscriber|marketing|contact) lists?|unsubscribe|from (our|the) list|postings?|comments|public (areas?|forums?)|remain*)"),
    Rule::choice(
        DataExport,
        "(portab*|(export|download|obtain|receive|request|get)( a| an)? ~3 (copy|copies|archive|export) of (your|the|all|any)|machine-readable|structured, commonly used|download (your|all (of )?your) (data|information|content|archive))",
    )
    .context("(information|data|details|account|profile|records?|content)"),
    // ----- retention
    Rule::site(
        RetentionLimited,
        "(retain|keep|store|hold|maintain|kept|stored|retained|held|maintained|preserve)(s|ed|ing)? ~8 (for ~5, {NUMBER} ~2 (days?|weeks?|months?|years?)|(as long as|so long as|only as long|no longer than) ~2 (necessary|needed|required|reasonably|we need|it is|you|your account|the|is)|(for|during) (a|the) (limited|reasonable|specific|defined) (period|time)|until (you|the|your|it|such|we no longer|no longer))",
    ),
    Rule::site(
        RetentionLimited,
        "(delete|destroy|purge|erase|anonymi[sz]e|dispose of|discard)(s|d|ed)? ~8 (after|within|when (it is |they are |we )?no longer|once (it is |they are )?no longer|at the end of|periodically|regularly|automatically|{NUMBER} (days?|months?|years?))",
    ),
    // "We will not keep your data longer than necessary / for any other purpose."
    Rule::denial(RetentionLimited, "(retain|keep|store|hold|maintain)(s|ed|ing)?")
        .also("(longer than|beyond (the|what|that)|(for|to) any other purpose|after (the|that|such|it is|they are|we)|once (the|that|such|it|they))"),
    Rule::site(RetentionLimited, "(data |record )?retention (period|policy|policies|schedule)s?"),
    Rule::site(
        RetentionIndefinite,
        "(indefinitely|forever|in perpetuity|permanently|for an unlimited (period|time)|(as long as|for as long as) (we|the company) (deem|consider|see fit|like|wish|choose|want|determine)|no (set|fixed|specific|defined) (retention )?(period|limit)|(remain|stay|persist)s? in (our|the) (records|archives|systems|files|backups|databases?)|(residual|backup|archived|cached) copies)",
    )
    .also("(retain*|keep*|store*|stored|kept|archiv*|remain*|persist*|maintain*|data|information|records|copies)"),
    // ----- security
    Rule::site(
        Encryption,
        "(encrypt*|ssl|tls|secure sockets? layers?|transport layer security|https|secure (server )?(connections?|transmissions?|protocols?|channels?)|0-bit|cryptograph*)",
    ),
    Rule::site(
        SecurityMeasures,
        "(firewalls?|(physical|technical|administrative|organi[sz]ational|electronic|managerial|procedural|reasonable|appropriate|industry[- ]standard|commercially reasonable|security) (safeguards|measures|procedures|precautions|controls|steps|protections|practices|technolog(y|ies))|safeguards?|secure (servers?|facilit*|data ?cent*|environments?|locations?|networks?|systems?|databases?)|password[- ]protected|(access|it) (is |are )?(strictly )?(restricted|limited) to|access to ~4 (is|are) (strictly )?(restricted|limited) to|access controls?|(restrict|limit)(s|ed)? access|need to know|(security|privacy) (audits?|reviews?|assessments?|training|programs?)|security policies|(periodic|regular) (security )?(reviews?|audits?|monitoring)|confidentiality (obligations|agreements)|(protect|secure|safeguard)(s|ed|ing)? ~5 (against|from) ~2 (unauthori[sz]ed|loss|misuse|alteration|disclosure|access|theft|destruction)|(take|takes|use|uses|employ|employs|implement|implements|maintain|maintains) ~4 (security|steps to (protect|safeguard|secure)))",
    ),
    // ----- changes
    // "We will notify you" of a policy change, unless the notice is the
    // posting itself ("notify you by posting the new policy here").
    Rule::site(
        ChangeNotice,
        "(notify|notifying|inform|informing|alert|alerting|tell|contact|advise|let) (you|users|our users|customers|our customers|members|all users|registered users|affected (users|customers|members)|account holders)",
    )
    .context("{POLICY_CHANGE}")
    .unless("{NOTICE_BY_POSTING}")
    .or_denied(ChangesPostedOnly),
    // A personal channel or advance notice, whatever else is said.
    Rule::site(
        ChangeNotice,
        "((by|via|through|using|in|with) ~1 (e-?mail|electronic mail|mail|letter|text message|sms|in-app (message|notice|notification)|push notifications?|notice (sent )?to (you|the e-?mail))|(e-?mail|send|sending|mail) (you|to you|users|customers|members) ~4 (changes?|updates?|revisions?|modifications?)|e-?mail (notifications?|notices?|messages?|alerts?)|(prior|advance|personal|direct|individual|individuali[sz]ed) ~1 (notice|notification|consent)|{NUMBER} ~1 days'? (prior|before|in advance|advance|notice)|in advance of (the|any) (change|effective))",
    )
    .context("{POLICY_CHANGE}"),
    Rule::site(
        ChangesPostedOnly,
        "(post(s|ed|ing)?|publish(es|ed|ing)?|(will )?be (reflected|displayed|available|listed)|(revis|updat|chang|modif)(e|es|ed|ing) the ~3, date|(effective|binding) (immediately )?(upon|when|once|after) (posting|posted|publication)|without (prior |further |advance |any )?notice|(check|review|visit|consult)(ing)? ~4 (periodically|regularly|frequently|often|from time to time|back)|(periodically|regularly|frequently) (check|review|visit))",
    )
    .context("{POLICY_CHANGE}"),
    // ----- audiences
    Rule::topic(
        Children,
        "(children('s)?|child('s)?|minors?|kids|coppa|children's online privacy|under (the age of |age )?(0|thirteen|sixteen)|(0|thirteen|sixteen) years (of age|old)|parental (consent|permission)|parents? (or|and) (legal )?guardians?)",
    ),
    Rule::topic(California, "(california|calif.|ccpa|cpra|caloppa|shine the light|civil code (section )?0)"),
    Rule::topic(
        Europe,
        "(gdpr|general data protection regulation|safe harbou?r|privacy shield|european (union|economic area|commission|data protection)|eea|eu|e.u.|switzerland|swiss|united kingdom|standard contractual clauses|data protection directive)",
    ),
    // ----- recourse
    Rule::site(
        PrivacyContact,
        "((please|feel free to|you (may|can|should)|simply|just) (contact|e-?mail|write to|call) us|(contact|e-?mail|write to|call) us (at|by|via|through|using|with|if|on|in)|contact (our|the) (privacy|data protection)|privacy (officer|office|team|department|contact|coordinator|manager|administrator)|data protection officer|chief privacy|@)",
    )
    .unless("not (govern|apply|cover)"),
    Rule::site(
        PrivacyContact,
        "(questions|concerns|comments|complaints|inquiries|queries|requests) ~12 (contact|e-?mail|write|call|send|reach|address)",
    )
    .context("(privacy|policy|personal|information|data)"),
    // Named bodies that handle complaints about a site.
    Rule::topic(
        IndependentRecourse,
        "(truste|bbb ?online|better business bureau|jams|american arbitration association|icdr|international centre for dispute resolution|eu data protection panel|(independent|alternative) (recourse|dispute|third[- ]party|body|organi[sz]ation|mechanism|resolution)|dispute resolution (provider|service|mechanism|procedure|body)|binding arbitration)",
    ),
    // Regulators and arbitration, when the sentence is about complaints.
    Rule::topic(
        IndependentRecourse,
        "(federal trade commission|ftc|data protection (authority|authorities)|supervisory authorit(y|ies)|ombudsman|lodge a complaint|privacy commissioner|arbitrat(ion|or)|mediation)",
    )
    .also("(complain*|dispute*|recourse|refer*|lodge|unresolved|resolv*|redress)"),
];

/// Returns `pattern` with every `{NAME}` replaced by its fragment.
#[cfg(not(target_arch = "wasm32"))] // the wasm build reads the saved library (`saved`)
pub fn expand(pattern: &str) -> String {
    let mut expanded = pattern.to_string();
    for (name, fragment) in FRAGMENTS {
        expanded = expanded.replace(&format!("{{{name}}}"), fragment);
    }
    expanded
}

#[cfg(all(test, not(target_arch = "wasm32")))] // they compile patterns
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_known() {
        for rule in RULES {
            for pattern in [Some(rule.pattern), rule.also, rule.context, rule.unless].into_iter().flatten() {
                let expanded = expand(pattern);
                // A misspelled name would stay as literal text that never matches.
                assert!(!expanded.contains(['{', '}']), "unknown placeholder in {pattern}");
                if let Err(e) = crate::phrase::Library::build(&[&expanded]) {
                    panic!("bad pattern {pattern}: {e}");
                }
            }
        }
    }
}
