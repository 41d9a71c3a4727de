//! Per-phrase tests: for every badge, several ways policies state it, denials
//! of it, statements about other sites, and disclosures that beat denials.
//!
//! The sentences are written for these tests (none is taken from the seeds
//! or the evaluation corpus), so they check that rules follow how policies
//! phrase things in general rather than one policy's wording.

use policy_badges::practices;

/// A text, the badges it must earn and the badges it must not earn.
struct Case {
    text: &'static str,
    shows: &'static [&'static str],
    hides: &'static [&'static str],
}

const fn case(text: &'static str, shows: &'static [&'static str], hides: &'static [&'static str]) -> Case {
    Case { text, shows, hides }
}

const CASES: &[Case] = &[
    // ----- cookies / no-cookies
    case("Our pages set small text files, known as cookies, in your browser.", &["cookies"], &["no-cookies"]),
    case("We rely on web beacons and local storage to measure how pages are used.", &["cookies"], &[]),
    case("This site places pixel tags in some of its e-mails to see whether they were opened.", &["cookies"], &[]),
    case("This website does not set any cookies.", &["no-cookies"], &["cookies"]),
    case("Cookies are never placed on your device by our service.", &["no-cookies"], &["cookies"]),
    case("Our site is entirely cookie-free.", &["no-cookies"], &["cookies"]),
    case("If you do not want cookies, you can switch them off in your browser settings.", &["cookies"], &["no-cookies"]),
    case("Websites we link to may set their own cookies.", &[], &["cookies", "no-cookies"]),
    case(
        "We do not use cookies to store personal details. We use cookies to count visits to each page.",
        &["cookies"],
        &["no-cookies"],
    ),
    // ----- third-party tracking
    case(
        "Advertising networks we work with may place cookies on your device to show you ads based on your interests.",
        &["third-party-tracking"],
        &[],
    ),
    case("We use Google Analytics, which collects information about how visitors use our pages.", &["third-party-tracking"], &[]),
    case("Third-party analytics providers gather data about your visits to this site over time.", &["third-party-tracking"], &[]),
    case("We do not allow ad networks to collect information on our site.", &[], &["third-party-tracking"]),
    case("Third-party websites you reach through our links may track you.", &[], &["third-party-tracking", "cookies"]),
    // ----- Do Not Track
    case("When your browser sends a Do Not Track signal, we honor it.", &["dnt-honored"], &["dnt-ignored"]),
    case("We respond to Global Privacy Control signals by turning off sharing.", &["dnt-honored"], &["dnt-ignored"]),
    case("Our site recognizes the DNT header and stops tracking you.", &["dnt-honored"], &[]),
    case("We do not currently respond to Do Not Track browser signals.", &["dnt-ignored"], &["dnt-honored"]),
    case("Our website doesn't honor \"do not track\" requests.", &["dnt-ignored"], &["dnt-honored"]),
    case(
        "There is no common standard for DNT yet, so our service does not respond to such signals.",
        &["dnt-ignored"],
        &["dnt-honored"],
    ),
    // ----- collection
    case("We collect personal information only when you choose to give it to us.", &["collects-only-provided"], &[]),
    case("The only personal data we hold is what you submit through our contact form.", &["collects-only-provided"], &[]),
    case(
        "We do not gather any personally identifiable information unless you volunteer it.",
        &["collects-only-provided"],
        &[],
    ),
    case("Apart from what you voluntarily send us, we collect no personal information.", &["collects-only-provided"], &[]),
    case("When you sign up we ask for your e-mail address and a phone number.", &["contact-info"], &[]),
    case("To ship your order we need your postal address.", &["contact-info"], &[]),
    case("Your full name and contact details are stored in your account.", &["contact-info"], &[]),
    case("We never ask for your phone number.", &[], &["contact-info"]),
    case("Our servers log your IP address, browser type and operating system.", &["device-info"], &[]),
    case("We record the referring URL and the pages you visited.", &["device-info"], &[]),
    case("The app reads a unique device identifier.", &["device-info"], &[]),
    case("We do not keep server logs.", &[], &["device-info"]),
    case("With your permission the app uses GPS to find your precise location.", &["location"], &[]),
    case("We infer your approximate location from your IP address.", &["location"], &[]),
    case("Location data from your phone helps us show nearby stores.", &["location"], &[]),
    case("We do not collect your location.", &[], &["location"]),
    // ----- sensor data
    case(
        "The app transmits accelerometer and gyroscope readings to our analytics partner.",
        &["sensor-data-shared", "shares-data"],
        &[],
    ),
    case(
        "Motion sensor data from your phone is shared with a third party that studies driving habits.",
        &["sensor-data-shared"],
        &[],
    ),
    case("We send GPS coordinates recorded by the device to an outside research company.", &["sensor-data-shared"], &[]),
    case("Sensor data never leaves your device and is not shared with anyone.", &[], &["sensor-data-shared"]),
    // ----- payment
    case("To complete a purchase you enter your credit card number and billing address.", &["financial-info"], &[]),
    case("We collect bank account details to pay out your earnings.", &["financial-info"], &[]),
    case("Payment information is collected by our payment processor.", &["financial-info"], &[]),
    case("We do not collect any payment information.", &[], &["financial-info"]),
    case("We never store your full card number on our servers.", &["card-not-stored"], &[]),
    case("Credit card details are not retained after the transaction is completed.", &["card-not-stored"], &[]),
    case("Your card information goes straight to the bank; we don't keep it.", &["card-not-stored"], &[]),
    case("We store your credit card details for a faster checkout.", &["financial-info"], &["card-not-stored"]),
    // ----- sharing
    case("We may share your personal information with our marketing partners.", &["shares-data"], &["no-sharing"]),
    case("Your profile details are disclosed to advertisers who want to reach you.", &["shares-data"], &[]),
    case("We give customer lists to selected third parties for their own promotions.", &["shares-data"], &[]),
    case("We do not share your personal information with third parties.", &["no-sharing"], &["shares-data"]),
    case("Your personal data will never be disclosed to outside companies.", &["no-sharing"], &["shares-data"]),
    case("No personal information is shared with third parties.", &["no-sharing"], &["shares-data"]),
    case(
        "We never share your personal information with third parties. We share your e-mail address with our advertising partners.",
        &["shares-data"],
        &["no-sharing"],
    ),
    case("Third-party sites may share your information with others.", &[], &["shares-data"]),
    case(
        "We share your data with service providers who host our website on our behalf.",
        &["service-providers"],
        &["shares-data"],
    ),
    case("We may publish aggregated statistics about how our service is used.", &["shares-aggregate"], &[]),
    case("Anonymous usage data is shared with our research partners.", &["shares-aggregate"], &["shares-data"]),
    case("We provide de-identified data to third parties for analysis.", &["shares-aggregate"], &[]),
    // ----- sale
    case("We may sell your personal information to data brokers.", &["sells-data", "shares-data"], &["no-sale"]),
    case("Your contact details may be rented to other companies.", &["sells-data"], &["no-sale"]),
    case("We sell customer data to marketing firms.", &["sells-data"], &[]),
    case("We will never sell your personal data.", &["no-sale"], &["sells-data"]),
    case("Your information is not sold or rented to anyone.", &["no-sale"], &["sells-data"]),
    case("We don't sell, rent or trade your e-mail address.", &["no-sale"], &["sells-data"]),
    case(
        "If we sell our business, your data may be transferred to the buyer.",
        &["business-transfer"],
        &["sells-data"],
    ),
    case("When you rent or buy films in our store, we keep a record of the order.", &[], &["sells-data"]),
    case(
        "We will not sell your data. If you pay, we share your details with our sponsors.",
        &["shares-data", "no-sale"],
        &["no-sharing"],
    ),
    // ----- service providers, legal, business transfer
    case("We use vendors that process payments on our behalf.", &["service-providers"], &[]),
    case("Our hosting provider stores the site's data.", &["service-providers"], &[]),
    case("Contractors who perform services for us may see your details.", &["service-providers"], &[]),
    case("We will disclose information if required by law.", &["legal-disclosure"], &[]),
    case("We may release data in response to a subpoena or court order.", &["legal-disclosure"], &[]),
    case("Personal data may be provided to law enforcement agencies when we believe it is necessary.", &["legal-disclosure"], &[]),
    case(
        "If our company is acquired or merges with another, your information may be transferred to the new owner.",
        &["business-transfer"],
        &[],
    ),
    case("In the event of bankruptcy, customer records may be sold as an asset.", &["business-transfer"], &["sells-data"]),
    case("Data about users is one of the assets transferred in a sale of all or part of our business.", &["business-transfer"], &[]),
    // ----- marketing and choices
    case("We will send you our newsletter and special offers.", &["marketing"], &[]),
    case("Your e-mail address is used to tell you about new products and events.", &["marketing"], &[]),
    case("We use your details to show you personalized ads.", &["marketing"], &[]),
    case("We never use your information for marketing.", &[], &["marketing"]),
    case("You can unsubscribe from our e-mails at any time.", &["marketing-opt-out"], &[]),
    case(
        "To stop receiving promotional messages, follow the link at the bottom of each e-mail.",
        &["marketing-opt-out"],
        &[],
    ),
    case("You may opt out of having your information shared with our partners.", &["marketing-opt-out"], &[]),
    case("You cannot opt out of service announcements about your account.", &[], &["marketing-opt-out"]),
    case("You can review and update your account information at any time.", &["access-edit"], &[]),
    case("On request, we will let you see the personal data we hold about you.", &["access-edit"], &[]),
    case("Users may correct inaccurate details by contacting us.", &["access-edit"], &[]),
    case("You are not able to edit your profile once it is submitted.", &[], &["access-edit"]),
    case("You may delete your account at any time from the settings page.", &["delete-data"], &[]),
    case("Ask us and we will erase the personal information we hold about you.", &["delete-data"], &[]),
    case("Users can request removal of their data by e-mail.", &["delete-data"], &[]),
    case("You can't delete your account once it has been verified.", &[], &["delete-data"]),
    case("You can download a copy of your data in a machine-readable format.", &["data-export"], &[]),
    case("You have the right to data portability.", &["data-export"], &[]),
    case("Request an export of all your information from the account page.", &["data-export"], &[]),
    // ----- retention
    case("We keep your records for no longer than 24 months.", &["retention-limited"], &[]),
    case("Log files are deleted after 30 days.", &["retention-limited"], &[]),
    case("We retain personal data only as long as necessary to provide the service.", &["retention-limited"], &[]),
    case("We will not keep your details longer than we need them.", &["retention-limited"], &[]),
    case("We may keep your information indefinitely.", &["retention-indefinite"], &[]),
    case("Posts you make are permanently stored in our archives.", &["retention-indefinite"], &[]),
    case("Backup copies may persist in our systems after you close your account.", &["retention-indefinite"], &[]),
    // ----- security
    case("All data is sent over an encrypted HTTPS connection.", &["encryption"], &[]),
    case("Our payment pages use SSL.", &["encryption"], &[]),
    case("We encrypt stored passwords.", &["encryption"], &[]),
    case("E-mail you send us is not encrypted.", &[], &["encryption"]),
    case("Read more at https://example.com/help.", &[], &["encryption"]),
    case("Our servers sit behind firewalls.", &["security-measures"], &[]),
    case("Access to personal data is restricted to staff who need it.", &["security-measures"], &[]),
    case(
        "We take reasonable technical and organizational measures to protect your data against loss or misuse.",
        &["security-measures"],
        &[],
    ),
    // ----- policy changes
    case(
        "If we change this policy in a material way, we will e-mail you before the change takes effect.",
        &["change-notice"],
        &["changes-posted-only"],
    ),
    case("We will give you 30 days' notice of any change to this privacy notice.", &["change-notice"], &[]),
    case("Registered users will be notified by e-mail when we update these privacy terms.", &["change-notice"], &[]),
    case("Any updates to this policy will be posted on this page.", &["changes-posted-only"], &["change-notice"]),
    case("We may revise this privacy statement at any time without notice.", &["changes-posted-only"], &["change-notice"]),
    case("Please check this page periodically for changes to our privacy policy.", &["changes-posted-only"], &[]),
    case(
        "We will let you know about changes to this policy by posting the new version here.",
        &["changes-posted-only"],
        &["change-notice"],
    ),
    case(
        "Changes to this Policy\nWe will post the new policy on this page, and we will also send you an e-mail about material changes.",
        &["change-notice"],
        &["changes-posted-only"],
    ),
    // ----- audiences
    case("Our service is not directed to children under 13.", &["children"], &[]),
    case("We comply with COPPA.", &["children"], &[]),
    case("We do not knowingly collect data from kids.", &["children"], &[]),
    case("California residents have additional rights under the CCPA.", &["california"], &[]),
    case("Under the Shine the Light law you may ask which companies received your data.", &["california"], &[]),
    case("If you live in California, you may request a list of our disclosures.", &["california"], &[]),
    case("If you are in the European Union, the GDPR gives you further rights.", &["europe"], &[]),
    case("We participate in the EU-US Privacy Shield framework.", &["europe"], &[]),
    case("Data from the European Economic Area is transferred under standard contractual clauses.", &["europe"], &[]),
    // ----- recourse
    case("Questions about this policy can be sent to privacy@example.org.", &["privacy-contact"], &[]),
    case("You can reach our Data Protection Officer at the address below.", &["privacy-contact"], &[]),
    case("If you have concerns about your privacy, write to us at 1 Main Street.", &["privacy-contact"], &[]),
    case("Unresolved complaints may be referred to TRUSTe.", &["independent-recourse"], &[]),
    case("You may lodge a complaint with your local supervisory authority.", &["independent-recourse"], &[]),
    case("Disputes will be settled by binding arbitration administered by JAMS.", &["independent-recourse"], &[]),
    // ----- statements about other sites earn nothing
    case(
        "Sites linked from ours may collect your personal information and use cookies.",
        &[],
        &["cookies", "contact-info", "shares-data"],
    ),
    case(
        "We are not responsible for the privacy practices of third-party websites, which may sell your data.",
        &[],
        &["sells-data", "shares-data"],
    ),
    // ----- headings and lists give context
    case(
        "We may share the following with our advertising partners:\n- the pages you read\n- your e-mail address",
        &["shares-data", "contact-info", "device-info"],
        &[],
    ),
];

#[test]
fn every_phrasing_earns_what_it_says() {
    let mut failures = Vec::new();
    for case in CASES {
        let found: Vec<&str> = practices(case.text).into_iter().map(|b| b.as_str()).collect();
        for id in case.shows {
            if !found.contains(id) {
                failures.push(format!("missing {id:<22} in {:?} (found {found:?})", case.text));
            }
        }
        for id in case.hides {
            if found.contains(id) {
                failures.push(format!("wrongly {id:<22} in {:?}", case.text));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn every_badge_has_three_phrasings() {
    for &badge in policy_badges::BadgeId::ALL {
        let phrasings = CASES.iter().filter(|c| c.shows.contains(&badge.as_str())).count();
        assert!(phrasings >= 3, "{} has {phrasings} phrasings", badge.as_str());
    }
}
