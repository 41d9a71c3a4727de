//! The badge taxonomy of `spec/badges.md`, as data in one place.
//!
//! Ids are a stable contract shared by the CLI's JSON, the extension's panel
//! and the accuracy benchmarks: never rename one, add new ones freely.

use std::sync::OnceLock;

use serde::Serialize;

/// Whether a practice protects the user, costs the user privacy, or is a
/// neutral fact worth knowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Protects the user.
    Good,
    /// Costs the user privacy.
    Bad,
    /// A neutral fact worth knowing.
    Info,
}

/// The groups badges are shown in, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Cookies, trackers and Do Not Track.
    Tracking,
    /// What personal data is collected.
    Collection,
    /// Who else receives the data.
    Sharing,
    /// What the site does with the data.
    Use,
    /// What the user can do about it.
    Choices,
    /// How long data is kept.
    Retention,
    /// How data is protected.
    Security,
    /// How policy changes are announced.
    Changes,
    /// Rules for particular audiences (children, Californians, Europeans).
    Audiences,
    /// Where to turn with a question or a complaint.
    Recourse,
}

impl Group {
    /// Every group, in display order.
    pub const ALL: [Group; 10] = [
        Group::Tracking,
        Group::Collection,
        Group::Sharing,
        Group::Use,
        Group::Choices,
        Group::Retention,
        Group::Security,
        Group::Changes,
        Group::Audiences,
        Group::Recourse,
    ];

    /// The group's stable id, as used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Group::Tracking => "tracking",
            Group::Collection => "collection",
            Group::Sharing => "sharing",
            Group::Use => "use",
            Group::Choices => "choices",
            Group::Retention => "retention",
            Group::Security => "security",
            Group::Changes => "changes",
            Group::Audiences => "audiences",
            Group::Recourse => "recourse",
        }
    }

    /// The group's heading as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Group::Tracking => "Tracking",
            Group::Collection => "Data collected",
            Group::Sharing => "Sharing",
            Group::Use => "Use",
            Group::Choices => "Your choices",
            Group::Retention => "Retention",
            Group::Security => "Security",
            Group::Changes => "Policy changes",
            Group::Audiences => "Audiences",
            Group::Recourse => "Recourse",
        }
    }
}

macro_rules! badge_ids {
    ($($variant:ident = $id:literal),+ $(,)?) => {
        /// A badge of the taxonomy. The declaration order is the spec's
        /// order, which is also the display order within a group.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum BadgeId {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )+
        }

        impl BadgeId {
            /// Every badge, in taxonomy order.
            pub const ALL: &'static [BadgeId] = &[$(BadgeId::$variant),+];

            /// The stable string id (`"no-cookies"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(BadgeId::$variant => $id,)+
                }
            }

            /// Looks a badge up by its string id.
            pub fn parse(id: &str) -> Option<BadgeId> {
                match id {
                    $($id => Some(BadgeId::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

include!("ids.rs");

/// Everything a reader needs to show one badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BadgeDef {
    /// Stable id, e.g. `"no-cookies"`.
    pub id: &'static str,
    /// Label shown in the panel, e.g. `"No cookies"`.
    pub label: &'static str,
    /// Group the badge is shown under.
    pub group: Group,
    /// Good, bad or neutral for the user.
    pub polarity: Polarity,
    /// One line on what earns the badge.
    pub description: &'static str,
}

impl BadgeId {
    /// The badge's definition.
    pub fn def(self) -> BadgeDef {
        use BadgeId::*;
        use Group as G;
        use Polarity::{Bad, Good, Info};
        let (label, group, polarity, description) = match self {
            Cookies => ("Uses cookies", G::Tracking, Info,
                "The site sets cookies or similar technology (web beacons, local storage, pixels)."),
            NoCookies => ("No cookies", G::Tracking, Good,
                "The policy states that the site uses no cookies."),
            ThirdPartyTracking => ("Third-party tracking", G::Tracking, Bad,
                "Ad networks, analytics or other third parties collect data or set cookies on the site, or track visits across sites."),
            DntHonored => ("Honors Do Not Track", G::Tracking, Good,
                "The site responds to Do Not Track or Global Privacy Control signals."),
            DntIgnored => ("Ignores Do Not Track", G::Tracking, Bad,
                "The site does not respond to Do Not Track signals."),
            CollectsOnlyProvided => ("Collects only what you give", G::Collection, Good,
                "No personal data is collected unless the user volunteers it."),
            ContactInfo => ("Collects contact details", G::Collection, Info,
                "Name, e-mail, postal address or phone number is collected."),
            DeviceInfo => ("Logs IP and device data", G::Collection, Info,
                "IP address, browser type, operating system, device ids, referrer or server logs are recorded."),
            Location => ("Collects location", G::Collection, Bad,
                "Precise or coarse location is collected (GPS, geolocation, location from IP)."),
            SensorDataShared => ("Sensor data shared", G::Collection, Bad,
                "Device sensor data (GPS, accelerometer, gyroscope, motion) goes to a third party."),
            FinancialInfo => ("Collects payment data", G::Collection, Info,
                "Card numbers, billing or bank details are collected, by the site or its processor."),
            CardNotStored => ("Card not stored", G::Collection, Good,
                "The site states that it does not keep card numbers."),
            SharesData => ("Shares personal data", G::Sharing, Bad,
                "Personal data is shared with, sold or disclosed to third parties, partners or affiliates beyond service providers."),
            NoSharing => ("No sharing with third parties", G::Sharing, Good,
                "Personal data is not shared with third parties (service providers and legal duties may be excepted)."),
            SharesAggregate => ("Shares aggregate data", G::Sharing, Info,
                "Aggregated, anonymous or de-identified data goes to others."),
            SellsData => ("May sell your data", G::Sharing, Bad,
                "Personal data may be sold or rented."),
            NoSale => ("Does not sell your data", G::Sharing, Good,
                "The policy states that personal data is not sold or rented."),
            ServiceProviders => ("Uses service providers", G::Sharing, Info,
                "Processors act on the site's behalf (payment processors, hosting, mailing)."),
            LegalDisclosure => ("Discloses when required by law", G::Sharing, Info,
                "Data may be disclosed to authorities, courts or under legal process."),
            BusinessTransfer => ("Transferred in a sale of the company", G::Sharing, Bad,
                "Data may pass to a buyer in a merger, acquisition or bankruptcy."),
            Marketing => ("Marketing messages", G::Use, Info,
                "Contact data is used for newsletters, promotions or advertising to the user."),
            MarketingOptOut => ("Opt out of marketing", G::Choices, Good,
                "The user can unsubscribe or opt out of marketing or of sharing."),
            AccessEdit => ("View or correct your data", G::Choices, Good,
                "The user can access, review, update or correct personal data."),
            DeleteData => ("Delete your data", G::Choices, Good,
                "The user can delete personal data or the account."),
            DataExport => ("Export your data", G::Choices, Good,
                "The user can obtain a portable copy of the data."),
            RetentionLimited => ("Limited retention", G::Retention, Good,
                "A retention period or a deletion-after-use rule is stated."),
            RetentionIndefinite => ("Kept indefinitely", G::Retention, Bad,
                "Data may be kept indefinitely or as long as the site likes."),
            Encryption => ("Encrypted in transit", G::Security, Good,
                "SSL/TLS/HTTPS or encryption of data in transit or at rest."),
            SecurityMeasures => ("Security safeguards", G::Security, Good,
                "Firewalls, access limits, audits or other safeguards are described."),
            ChangeNotice => ("Tells you about changes", G::Changes, Good,
                "Users are notified personally (e-mail, in-app, advance notice) of material changes."),
            ChangesPostedOnly => ("Changes only posted", G::Changes, Bad,
                "Changes are only posted on the site, or may take effect without notice."),
            Children => ("Children's privacy", G::Audiences, Info,
                "Addresses children's data (COPPA, under-13 or under-16 rules)."),
            California => ("California rights", G::Audiences, Info,
                "CCPA/CPRA, CalOPPA or \"Shine the Light\" rights."),
            Europe => ("EU/UK rights and transfers", G::Audiences, Info,
                "GDPR, Safe Harbor, Privacy Shield or international transfers of EU data."),
            PrivacyContact => ("Privacy contact", G::Recourse, Good,
                "An e-mail, address or officer for privacy questions."),
            IndependentRecourse => ("Independent dispute resolution", G::Recourse, Good,
                "An independent body (arbitration provider, regulator, TRUSTe) handles complaints."),
        };
        BadgeDef { id: self.as_str(), label, group, polarity, description }
    }

    /// The badge that says the opposite of this one, if any: a policy
    /// cannot earn both for the same data ("uses cookies" and "no cookies").
    pub fn opposite(self) -> Option<BadgeId> {
        use BadgeId::*;
        const PAIRS: [(BadgeId, BadgeId); 6] = [
            (Cookies, NoCookies),
            (DntHonored, DntIgnored),
            (SharesData, NoSharing),
            (SellsData, NoSale),
            (ChangeNotice, ChangesPostedOnly),
            (RetentionLimited, RetentionIndefinite),
        ];
        PAIRS.iter().find_map(|&(a, b)| match self {
            _ if self == a => Some(b),
            _ if self == b => Some(a),
            _ => None,
        })
    }

    /// The sort key of the display order: group as in the spec, then id.
    pub fn display_key(self) -> (Group, &'static str) {
        (self.def().group, self.as_str())
    }

    /// Puts distinct `ids` in display order ([`BadgeId::display_key`]).
    pub fn sort_for_display(ids: &mut [BadgeId]) {
        let mut held = [false; BadgeId::ALL.len()];
        ids.iter().for_each(|&id| held[id as usize] = true);
        let ordered = BadgeId::display_order().iter().filter(|&&id| held[id as usize]);
        ids.iter_mut().zip(ordered).for_each(|(slot, &id)| *slot = id);
    }

    /// Every badge in display order ([`BadgeId::display_key`]), worked
    /// out once (a sort of a few dozen, by insertion).
    pub fn display_order() -> &'static [BadgeId] {
        static ORDER: OnceLock<Vec<BadgeId>> = OnceLock::new();
        ORDER.get_or_init(|| {
            let mut order: Vec<BadgeId> = Vec::with_capacity(BadgeId::ALL.len());
            for &id in BadgeId::ALL {
                let at = order.partition_point(|other| other.display_key() < id.display_key());
                order.insert(at, id);
            }
            order
        })
    }
}

/// The whole taxonomy, for the panel's legend and the README's badge list.
#[derive(Debug, Clone, Serialize)]
pub struct Taxonomy {
    /// Groups in display order, as `(id, label)`.
    pub groups: Vec<GroupDef>,
    /// Badges in taxonomy order.
    pub badges: Vec<BadgeDef>,
}

/// A group's id and heading.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct GroupDef {
    /// Stable id, e.g. `"tracking"`.
    pub id: &'static str,
    /// Heading as a person reads it.
    pub label: &'static str,
}

/// Returns every group and badge definition.
pub fn taxonomy() -> Taxonomy {
    Taxonomy {
        groups: Group::ALL.iter().map(|g| GroupDef { id: g.id(), label: g.label() }).collect(),
        badges: BadgeId::ALL.iter().map(|b| b.def()).collect(),
    }
}

/// The badge list as a Markdown table (group, id, label, polarity, what earns
/// it), for the README; `policy-badges badges` prints it.
pub fn markdown_table() -> String {
    let mut table = String::from("| group | id | label | polarity | earned by |\n|---|---|---|---|---|\n");
    for badge in BadgeId::ALL.iter().map(|b| b.def()) {
        let polarity = match badge.polarity {
            Polarity::Good => "good",
            Polarity::Bad => "bad",
            Polarity::Info => "info",
        };
        table.push_str(&format!(
            "| {} | `{}` | {} | {polarity} | {} |\n",
            badge.group.label(),
            badge.id,
            badge.label,
            badge.description
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &badge in BadgeId::ALL {
            assert_eq!(BadgeId::parse(badge.as_str()), Some(badge));
            assert!(seen.insert(badge.as_str()), "duplicate id {}", badge.as_str());
        }
        assert_eq!(BadgeId::ALL.len(), 36);
        assert_eq!(BadgeId::parse("no-such-badge"), None);
    }

    #[test]
    fn opposites_come_in_pairs() {
        for &badge in BadgeId::ALL {
            if let Some(other) = badge.opposite() {
                assert_eq!(other.opposite(), Some(badge));
                assert_ne!(other, badge);
            }
        }
        assert_eq!(BadgeId::NoSale.opposite(), Some(BadgeId::SellsData));
        assert_eq!(BadgeId::Children.opposite(), None);
    }

    #[test]
    fn the_markdown_table_has_a_row_per_badge() {
        let table = markdown_table();
        assert_eq!(table.lines().count(), 2 + BadgeId::ALL.len());
        assert!(table.contains("| Tracking | `no-cookies` | No cookies | good |"));
    }

    #[test]
    fn every_spec_id_is_supported() {
        let spec = include_str!("../../../../tests/fixtures/badges.md");
        let ids: Vec<&str> = spec
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| group"))
            .filter_map(|l| l.split('`').nth(1))
            .collect();
        assert_eq!(ids.len(), BadgeId::ALL.len());
        for id in ids {
            let badge = BadgeId::parse(id).unwrap_or_else(|| panic!("spec id {id} unsupported"));
            assert!(spec.contains(badge.def().label), "label of {id} differs from the spec");
        }
    }
}
