//! A small deterministic generator of varied, realistic residents, written as JSON Lines of
//! [`Facts`] (one resident per line), for the roster examples and the roster tests.
//!
//! Use it as `tianjin_disability_subsidies_support::generator` (a dev-dependency of the main
//! crate).
//!
//! Each line depends only on the seed and its own line number (a SplitMix64 stream per line), so
//! the first 300 lines of a 1,000,000-line roster are the 300-line roster of the same seed. The
//! residents are drawn from archetypes, with weights, that between them cover: the seven
//! categories and four grades; dibao, dibao-edge and no household assistance; assistance periods
//! ending; deaths; prison and the custody kinds that do not exclude; orphans raised in families
//! and in named child welfare institutions, funded for care or not; competing and stacking
//! benefits; the work-injury living-care fee and extreme-poverty support, received or only
//! qualified for; people who never applied (应享未享), applications after a stop, certificate
//! renewals with back pay; new certificates and new dibao enrolments in the months before the
//! as-of month with outreach notifications pending, overdue, on time, late, waived, applied or
//! delivered by the wrong office; and a few residents with a fact group left out (unknown).
//!
//! With malformed lines on, every `every`-th line (line numbers divisible by `every`) is bad, in
//! turn: invalid JSON, a grade 5, an unknown (misspelt) field, an interval ending before it
//! starts, a blank line.

use std::io::{self, Write};

use chrono::{Duration, Months, NaiveDate};
use tianjin_disability_subsidies::{
    facts::{
        citizen_id_check_character, Application, AssistanceKind, AssistancePeriod, BenefitKind,
        BenefitStatus, Category, Certificate, Channel, Choice, CustodyKind, CustodyPeriod, Grade,
        HukouPeriod, Keeps, Notification, NotificationForm, Office, OfficeBody, OfficeLevel,
        OrphanCare, OrphanPeriod, OtherBenefit, Place, Recipient, WelfareBasis, Withdrawal,
        WithdrawalKind,
    },
    Facts, Money, Month, Subsidy,
};

/// The default seed.
pub const DEFAULT_SEED: u64 = 20_250_601;

/// By default a malformed line every this many lines.
pub const DEFAULT_MALFORMED_EVERY: u64 = 97;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct GenOptions {
    /// How many residents (good lines); malformed lines come on top.
    pub count: u64,
    /// The seed.
    pub seed: u64,
    /// A malformed line at every line number divisible by this, if set.
    pub malformed_every: Option<u64>,
    /// The month the roster is meant to be scanned for: recent events are placed before it.
    pub as_of: Month,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct GenStats {
    /// Lines written.
    pub lines: u64,
    /// Residents (good lines).
    pub residents: u64,
    /// Malformed lines, the blank ones included.
    pub malformed: u64,
}

/// Writes the roster to `out` (wrap a file or stdout in a `BufWriter`).
pub fn write_roster<W: Write>(out: &mut W, options: &GenOptions) -> io::Result<GenStats> {
    let mut stats = GenStats::default();
    let mut buffer = Vec::with_capacity(2048);
    let as_of = options.as_of.first_day();
    while stats.residents < options.count {
        let line = stats.lines + 1;
        let mut gen = Gen::new(options.seed, line, as_of);
        buffer.clear();
        match options.malformed_every {
            Some(every) if every > 0 && line % every == 0 => {
                let kind = (line / every - 1) % 5;
                gen.malformed(kind, &mut buffer)?;
                stats.malformed += 1;
            }
            _ => {
                let facts = gen.resident();
                serde_json::to_writer(&mut buffer, &facts)?;
                stats.residents += 1;
            }
        }
        buffer.push(b'\n');
        out.write_all(&buffer)?;
        stats.lines += 1;
    }
    out.flush()?;
    Ok(stats)
}

/// SplitMix64: tiny, fast, good enough to vary test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    /// lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below((hi - lo + 1) as u64) as i64
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn plus(day: NaiveDate, days: i64) -> NaiveDate {
    day + Duration::days(days)
}

fn months_later(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn years_later(day: NaiveDate, years: u32) -> NaiveDate {
    months_later(day, 12 * years)
}

const SEVERE: [Grade; 2] = [Grade::One, Grade::Two];
const MILD: [Grade; 2] = [Grade::Three, Grade::Four];
const CHANNELS: [Channel; 5] = [
    Channel::Window,
    Channel::Online,
    Channel::CrossProvince,
    Channel::OneThing,
    Channel::Other,
];
const FORMS: [NotificationForm; 5] = [
    NotificationForm::SystemPrompt,
    NotificationForm::PlainLanguageSheet,
    NotificationForm::WrittenNotice,
    NotificationForm::PhoneCall,
    NotificationForm::HomeVisit,
];
/// Tianjin district codes (the first six digits of a citizen ID).
const DISTRICTS: [&str; 12] = [
    "120101", "120102", "120103", "120104", "120105", "120106", "120110", "120111", "120112",
    "120113", "120114", "120116",
];
/// Child welfare institutions, and whether each is already funded for its children's care.
const INSTITUTIONS: [(&str, bool); 5] = [
    ("天津市儿童福利院", false),
    ("天津市第二儿童福利院", false),
    ("滨海新区儿童福利院", true),
    ("武清区儿童福利院", false),
    ("宝坻区社会福利中心", true),
];

/// Where an outreach duty should stand on the as-of day.
#[derive(Debug, Clone, Copy)]
enum Outreach {
    Pending,
    Overdue,
    OnTime,
    Late,
    Waived,
    WaivedThenApplied,
    OverdueThenApplied,
    Applied,
    WrongOffice,
}

const OUTREACH: [Outreach; 12] = [
    Outreach::Pending,
    Outreach::Pending,
    Outreach::Overdue,
    Outreach::Overdue,
    Outreach::OnTime,
    Outreach::Late,
    Outreach::Waived,
    Outreach::WaivedThenApplied,
    Outreach::OverdueThenApplied,
    Outreach::Applied,
    Outreach::Applied,
    Outreach::WrongOffice,
];

struct Gen {
    rng: Rng,
    line: u64,
    /// The as-of month's first day.
    as_of: NaiveDate,
    /// The policy's first day.
    start: NaiveDate,
}

impl Gen {
    fn new(seed: u64, line: u64, as_of: NaiveDate) -> Gen {
        Gen {
            rng: Rng::new(seed, line),
            line,
            as_of,
            start: ymd(2023, 8, 1),
        }
    }

    fn id(&self) -> String {
        format!("TJ{:08}", self.line)
    }

    fn day_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        plus(from, self.rng.range(0, (to - from).num_days()))
    }

    /// A day `lo..=hi` days before the as-of day.
    fn days_ago(&mut self, lo: i64, hi: i64) -> NaiveDate {
        plus(self.as_of, -self.rng.range(lo, hi))
    }

    /// A resident with Tianjin hukou since birth, every fact group known and empty.
    fn person(&mut self, born_from: i32, born_to: i32) -> (Facts, NaiveDate) {
        let birth = self.day_between(ymd(born_from, 1, 1), ymd(born_to, 12, 31));
        let facts = Facts {
            id: self.id(),
            died_on: None,
            hukou: Some(vec![HukouPeriod {
                place: Place::Tianjin,
                from: birth,
                to: None,
            }]),
            certificates: Some(Vec::new()),
            household_assistance: Some(Vec::new()),
            orphan_guarantee: Some(Vec::new()),
            other_benefits: Some(Vec::new()),
            custody: Some(Vec::new()),
            applications: Vec::new(),
            choices: Vec::new(),
            notifications: Vec::new(),
        };
        (facts, birth)
    }

    fn adult(&mut self) -> (Facts, NaiveDate) {
        self.person(1938, 2004)
    }

    fn certificate(&mut self, birth: NaiveDate, grade: Grade, issued: NaiveDate) -> Certificate {
        let category = self.rng.pick(&Category::ALL);
        let number = if self.rng.chance(60) {
            let first17 = format!(
                "{}{}{:03}",
                self.rng.pick(&DISTRICTS),
                birth.format("%Y%m%d"),
                self.rng.below(1000)
            );
            citizen_id_check_character(&first17)
                .map(|check| format!("{first17}{check}{}{}", category.code(), grade.number()))
        } else {
            None
        };
        let expires = if self.rng.chance(80) {
            Some(plus(years_later(issued, 10), -1))
        } else {
            None
        };
        Certificate {
            number,
            category,
            grade,
            issued,
            expires,
            withdrawn: None,
        }
    }

    /// A certificate issued between the two dates, valid beyond the as-of month.
    fn lasting_certificate(
        &mut self,
        birth: NaiveDate,
        grade: Grade,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Certificate {
        let issued = self.day_between(from.max(birth), to.max(birth));
        let mut c = self.certificate(birth, grade, issued);
        if c.expires.is_some_and(|e| e < months_later(self.as_of, 2)) {
            c.expires = None;
        }
        c
    }

    fn application(&mut self, subsidies: &[Subsidy], submitted: NaiveDate) -> Application {
        Application {
            subsidies: subsidies.to_vec(),
            submitted,
            channel: self.rng.pick(&CHANNELS),
            follows_renewed_certificate: false,
            back_pay_months: 0,
        }
    }

    fn notification(&mut self, body: OfficeBody, delivered: NaiveDate) -> Notification {
        Notification {
            delivered,
            form: self.rng.pick(&FORMS),
            office: Office {
                body,
                level: if self.rng.chance(60) {
                    OfficeLevel::SubDistrict
                } else {
                    OfficeLevel::District
                },
            },
            recipient: if self.rng.chance(75) {
                Recipient::Person
            } else {
                Recipient::Guardian
            },
        }
    }

    fn assistance_kind(&mut self) -> AssistanceKind {
        if self.rng.chance(70) {
            AssistanceKind::Dibao
        } else {
            AssistanceKind::DibaoEdge
        }
    }

    /// The subsidies a person of `grade` may claim, given household assistance or not.
    fn claimable(grade: Grade, assisted: bool) -> Vec<Subsidy> {
        let mut s = Vec::with_capacity(2);
        if assisted {
            s.push(Subsidy::Living);
        }
        if grade.is_severe() {
            s.push(Subsidy::Nursing);
        }
        s
    }

    fn resident(&mut self) -> Facts {
        let roll = self.rng.below(100);
        match roll {
            0..=18 => self.steady(),
            19..=31 => self.nursing_only(),
            32..=37 => self.not_eligible(),
            38..=42 => self.not_applied(),
            43..=47 => self.assistance_ended(),
            48..=51 => self.died(),
            52..=54 => self.prison(),
            55..=56 => self.other_custody(),
            57..=58 => self.orphan_dispersed(),
            59..=62 => self.orphan_institution(),
            63..=68 => self.competing(),
            69..=72 => self.excluding_benefit(),
            73..=75 => self.reapply_after_stop(),
            76..=78 => self.renewal(),
            79..=86 => self.new_certificate(),
            87..=92 => self.new_assistance(),
            93..=94 => self.missing_group(),
            95..=96 => self.hukou_elsewhere(),
            _ => self.certificate_lapsed(),
        }
    }

    /// Receives what they claimed, for a while now.
    fn steady(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let grade = self.rng.pick(&Grade::ALL);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2023, 6, 30));
        let assisted_from = self.day_between(ymd(2010, 1, 1), ymd(2023, 5, 31));
        let kind = self.assistance_kind();
        let earliest = c.issued.max(assisted_from).max(ymd(2022, 1, 1));
        let submitted = self.day_between(earliest, plus(self.as_of, -35));
        let subsidies = Self::claimable(grade, true);
        f.certificates = Some(vec![c]);
        f.household_assistance = Some(vec![AssistancePeriod {
            kind,
            from: assisted_from,
            to: None,
        }]);
        f.applications = vec![self.application(&subsidies, submitted)];
        f
    }

    /// Severe disability, no household assistance: the nursing allowance only.
    fn nursing_only(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let grade = self.rng.pick(&SEVERE);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2024, 12, 31));
        let issued = c.issued;
        let mut submitted = self.day_between(
            issued.max(ymd(2021, 1, 1)),
            plus(issued.max(ymd(2021, 1, 1)), 200),
        );
        if issued >= self.start && self.rng.chance(60) {
            let delivered = plus(issued, self.rng.range(3, 40));
            let n = self.notification(OfficeBody::DisabledPersonsFederation, delivered);
            f.notifications.push(n);
            submitted = plus(delivered, self.rng.range(0, 30));
        }
        let submitted = submitted.min(plus(self.as_of, -2));
        f.certificates = Some(vec![c]);
        f.applications = vec![self.application(&[Subsidy::Nursing], submitted)];
        f
    }

    /// Mild disability, no household assistance: neither subsidy; some applied anyway.
    fn not_eligible(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let grade = self.rng.pick(&MILD);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2023, 6, 30));
        if self.rng.chance(30) {
            let submitted = self.days_ago(40, 400);
            f.applications =
                vec![self.application(&[Subsidy::Living, Subsidy::Nursing], submitted)];
        }
        f.certificates = Some(vec![c]);
        f
    }

    /// Meets a subsidy's conditions and never applied for it (应享未享).
    fn not_applied(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let grade = self.rng.pick(&Grade::ALL);
        let assisted = !grade.is_severe() || self.rng.chance(50);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2023, 6, 30));
        if assisted {
            let from = self.day_between(ymd(2012, 1, 1), ymd(2023, 6, 30));
            let kind = self.assistance_kind();
            f.household_assistance = Some(vec![AssistancePeriod {
                kind,
                from,
                to: None,
            }]);
            if grade.is_severe() && self.rng.chance(50) {
                // Claimed the living allowance only; the nursing allowance is 应享未享.
                let submitted = self.day_between(ymd(2023, 8, 1), ymd(2024, 12, 31));
                f.applications = vec![self.application(&[Subsidy::Living], submitted)];
            }
        }
        f.certificates = Some(vec![c]);
        f
    }

    /// Household assistance ended after the claim began: the living allowance stops.
    fn assistance_ended(&mut self) -> Facts {
        let mut f = self.steady();
        let grade = f
            .certificates
            .as_ref()
            .and_then(|c| c.first())
            .map_or(Grade::Four, |c| c.grade);
        let submitted = f.applications.first().map_or(self.start, |a| a.submitted);
        let last_day = if self.rng.chance(70) {
            self.days_ago(1, 120)
        } else {
            self.days_ago(121, 500)
        }
        .max(plus(submitted, 1));
        if let Some(p) = f.household_assistance.as_mut().and_then(|p| p.first_mut()) {
            p.to = Some(last_day.max(p.from));
        }
        if !grade.is_severe() && self.rng.chance(30) {
            // Re-applied although no longer assisted: not granted.
            let again = plus(last_day, self.rng.range(5, 40)).min(plus(self.as_of, -1));
            f.applications
                .push(self.application(&[Subsidy::Living], again));
        }
        f
    }

    fn died(&mut self) -> Facts {
        let mut f = if self.rng.chance(50) {
            self.steady()
        } else {
            self.nursing_only()
        };
        let submitted = f.applications.first().map_or(self.start, |a| a.submitted);
        f.died_on = Some(plus(self.as_of, self.rng.range(-300, 20)).max(plus(submitted, 1)));
        f
    }

    fn prison(&mut self) -> Facts {
        let mut f = if self.rng.chance(50) {
            self.steady()
        } else {
            self.nursing_only()
        };
        let claimed = f
            .applications
            .first()
            .map(|a| (a.subsidies.clone(), a.submitted));
        let (subsidies, submitted) = claimed.unwrap_or((vec![Subsidy::Nursing], self.start));
        let from = self
            .day_between(ymd(2024, 1, 1), plus(self.as_of, -1))
            .max(plus(submitted, 1));
        let released = self.rng.chance(40);
        let to = released.then(|| plus(from, self.rng.range(60, 400)));
        let to = to.filter(|t| *t < plus(self.as_of, -20));
        f.custody = Some(vec![CustodyPeriod {
            kind: CustodyKind::Prison,
            from,
            to,
        }]);
        if let Some(to) = to {
            if self.rng.chance(60) {
                let again = self.day_between(plus(to, 1), plus(self.as_of, -1));
                f.applications.push(self.application(&subsidies, again));
            }
        }
        f
    }

    /// Detention, public surveillance, a suspended sentence or serving outside prison: the
    /// subsidies continue.
    fn other_custody(&mut self) -> Facts {
        let mut f = self.steady();
        let kind = self.rng.pick(&[
            CustodyKind::Detention,
            CustodyKind::PublicSurveillance,
            CustodyKind::SuspendedSentence,
            CustodyKind::ServingOutsidePrison,
        ]);
        let from = self.day_between(ymd(2023, 1, 1), plus(self.as_of, -1));
        let to = self
            .rng
            .chance(50)
            .then(|| plus(from, self.rng.range(10, 300)));
        f.custody = Some(vec![CustodyPeriod { kind, from, to }]);
        f
    }

    fn child(&mut self) -> (Facts, NaiveDate, Grade, Certificate) {
        let (f, birth) = self.person(2008, 2021);
        let grade = if self.rng.chance(80) {
            self.rng.pick(&SEVERE)
        } else {
            self.rng.pick(&MILD)
        };
        let from = plus(birth, 365);
        let c = self.lasting_certificate(birth, grade, from.max(ymd(2016, 1, 1)), ymd(2023, 6, 30));
        (f, birth, grade, c)
    }

    /// An orphan raised in a family: no living allowance, the nursing allowance when severe.
    fn orphan_dispersed(&mut self) -> Facts {
        let (mut f, birth, grade, c) = self.child();
        let from = self.day_between(plus(birth, 30), ymd(2022, 12, 31));
        f.orphan_guarantee = Some(vec![OrphanPeriod {
            care: OrphanCare::Dispersed,
            from,
            to: None,
        }]);
        let submitted = self.day_between(c.issued.max(ymd(2023, 1, 1)), plus(self.as_of, -40));
        let subsidies = Self::claimable(grade, false);
        if !subsidies.is_empty() {
            f.applications = vec![self.application(&subsidies, submitted)];
        }
        f.certificates = Some(vec![c]);
        f
    }

    /// An orphan raised in a child welfare institution: the nursing allowance goes to it, unless
    /// it is already funded for care.
    fn orphan_institution(&mut self) -> Facts {
        let (mut f, birth, _grade, c) = self.child();
        let (institution, funded_for_care) = self.rng.pick(&INSTITUTIONS);
        let from = self.day_between(plus(birth, 30), ymd(2022, 12, 31));
        f.orphan_guarantee = Some(vec![OrphanPeriod {
            care: OrphanCare::Institution {
                institution: institution.to_owned(),
                funded_for_care,
            },
            from,
            to: None,
        }]);
        let submitted = self.day_between(c.issued.max(ymd(2023, 1, 1)), plus(self.as_of, -40));
        f.applications = vec![self.application(&[Subsidy::Nursing], submitted)];
        f.certificates = Some(vec![c]);
        f
    }

    /// Older residents with benefits that compete with, or stack on, the subsidies.
    fn competing(&mut self) -> Facts {
        let (mut f, birth) = self.person(1935, 1960);
        let grade = self.rng.pick(&SEVERE);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2023, 6, 30));
        let assisted = self.rng.chance(50);
        if assisted {
            let from = self.day_between(ymd(2012, 1, 1), ymd(2023, 6, 30));
            let kind = self.assistance_kind();
            f.household_assistance = Some(vec![AssistancePeriod {
                kind,
                from,
                to: None,
            }]);
        }
        let from = self.day_between(ymd(2018, 1, 1), ymd(2023, 6, 30));
        let benefit = |kind, basis, amount: u32, status| OtherBenefit {
            kind,
            basis,
            monthly_amount: Money::yuan(amount),
            status,
            from,
            to: None,
        };
        let mut benefits = Vec::new();
        match self.rng.below(8) {
            0 => benefits.push(benefit(
                BenefitKind::WelfareNursingAllowance,
                Some(WelfareBasis::DisabledOnDuty),
                300,
                BenefitStatus::Received,
            )),
            1 => benefits.push(benefit(
                BenefitKind::ElderlyCareNursingSubsidy,
                None,
                150,
                BenefitStatus::Qualified,
            )),
            2 => benefits.push(benefit(
                BenefitKind::ElderlyCareNursingSubsidy,
                None,
                200,
                BenefitStatus::Received,
            )),
            3 => benefits.push(benefit(
                BenefitKind::DisabilityCompensationNursing,
                None,
                500,
                BenefitStatus::Qualified,
            )),
            4 => benefits.push(benefit(
                BenefitKind::DisabilityCompensationLiving,
                None,
                400,
                BenefitStatus::Received,
            )),
            5 => benefits.push(benefit(
                BenefitKind::WelfareLivingAllowance,
                Some(WelfareBasis::RetiredVeteranCadre),
                250,
                BenefitStatus::Qualified,
            )),
            6 => {
                benefits.push(benefit(
                    BenefitKind::WelfareNursingAllowance,
                    Some(WelfareBasis::Other),
                    260,
                    BenefitStatus::Qualified,
                ));
                f.choices.push(Choice {
                    subsidy: Subsidy::Nursing,
                    keeps: Keeps::Subsidy,
                    from: Some(from),
                });
            }
            _ => {}
        }
        benefits.push(benefit(
            BenefitKind::ElderlyCareServiceSubsidy,
            None,
            100,
            BenefitStatus::Received,
        ));
        if birth < ymd(1945, 1, 1) {
            benefits.push(benefit(
                BenefitKind::AdvancedAgeAllowance,
                None,
                200,
                BenefitStatus::Received,
            ));
        }
        let submitted = self.day_between(c.issued.max(ymd(2022, 1, 1)), plus(self.as_of, -35));
        let subsidies = Self::claimable(grade, assisted);
        f.applications = vec![self.application(&subsidies, submitted)];
        f.other_benefits = Some(benefits);
        f.certificates = Some(vec![c]);
        f
    }

    /// The work-injury living-care fee or extreme-poverty support, received (both subsidies
    /// stop) or only qualified for (no effect).
    fn excluding_benefit(&mut self) -> Facts {
        let mut f = self.steady();
        let kind = if self.rng.chance(50) {
            BenefitKind::WorkInjuryLivingCareFee
        } else {
            BenefitKind::ExtremePovertySupport
        };
        let status = if self.rng.chance(70) {
            BenefitStatus::Received
        } else {
            BenefitStatus::Qualified
        };
        let submitted = f.applications.first().map_or(self.start, |a| a.submitted);
        let from = self
            .day_between(ymd(2023, 9, 1), plus(self.as_of, -1))
            .max(plus(submitted, 1));
        let amount = if kind == BenefitKind::WorkInjuryLivingCareFee {
            self.rng.pick(&[1200, 1850, 2400])
        } else {
            self.rng.pick(&[1400, 1650])
        };
        f.other_benefits = Some(vec![OtherBenefit {
            kind,
            basis: None,
            monthly_amount: Money::yuan(amount),
            status,
            from,
            to: None,
        }]);
        f
    }

    /// Left dibao, came back later and applied again: paid from the new application's month.
    fn reapply_after_stop(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let grade = self.rng.pick(&MILD);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2022, 12, 31));
        let kind = self.assistance_kind();
        let first_from = self.day_between(ymd(2014, 1, 1), ymd(2022, 12, 31));
        let first_to = self.day_between(ymd(2023, 10, 1), ymd(2024, 6, 30));
        let second_from = plus(first_to, self.rng.range(30, 240));
        let again = plus(second_from, self.rng.range(0, 60)).min(plus(self.as_of, -1));
        let first_applied = self.day_between(c.issued.max(ymd(2023, 1, 1)), ymd(2023, 9, 30));
        f.household_assistance = Some(vec![
            AssistancePeriod {
                kind,
                from: first_from,
                to: Some(first_to),
            },
            AssistancePeriod {
                kind: self.assistance_kind(),
                from: second_from,
                to: None,
            },
        ]);
        f.applications = vec![
            self.application(&[Subsidy::Living], first_applied),
            self.application(&[Subsidy::Living], again.max(second_from)),
        ];
        f.certificates = Some(vec![c]);
        f
    }

    /// The certificate expired; a new one was issued and the application follows it, with back
    /// pay of up to 3 months.
    fn renewal(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let grade = self.rng.pick(&SEVERE);
        let old_issued = self
            .day_between(ymd(2013, 9, 1), ymd(2015, 3, 31))
            .max(birth);
        let mut old = self.certificate(birth, grade, old_issued);
        let expires = plus(years_later(old_issued, 10), -1);
        old.expires = Some(expires);
        let new_issued = plus(expires, self.rng.range(1, 60)).min(plus(self.as_of, -10));
        let new_grade = if self.rng.chance(80) {
            grade
        } else {
            self.rng.pick(&Grade::ALL)
        };
        let mut new = self.certificate(birth, new_grade, new_issued);
        new.category = old.category;
        new.number = None;
        new.expires = Some(plus(years_later(new_issued, 10), -1));
        let first_applied = self.day_between(ymd(2023, 1, 1), ymd(2023, 7, 31));
        let renewed = plus(new_issued, self.rng.range(0, 40)).min(plus(self.as_of, -1));
        let mut renewal = self.application(&[Subsidy::Nursing], renewed);
        renewal.follows_renewed_certificate = true;
        renewal.back_pay_months = self.rng.below(4) as u8;
        f.applications = vec![
            self.application(&[Subsidy::Nursing], first_applied),
            renewal,
        ];
        f.certificates = Some(vec![old, new]);
        f
    }

    /// A date for an outreach trigger that should stand as `how` on the as-of day.
    fn trigger_date(&mut self, how: Outreach) -> NaiveDate {
        let day = match how {
            Outreach::Pending | Outreach::OnTime | Outreach::Applied => self.days_ago(3, 85),
            Outreach::WrongOffice => self.days_ago(3, 200),
            _ => self.days_ago(130, 600),
        };
        day.max(self.start)
    }

    /// Adds the notifications and applications for an outreach duty opened on `trigger`.
    fn outreach(
        &mut self,
        f: &mut Facts,
        how: Outreach,
        body: OfficeBody,
        trigger: NaiveDate,
        subsidies: &[Subsidy],
    ) {
        let deadline = months_later(trigger, 3);
        let last = plus(self.as_of, -1);
        let how = match how {
            // No subsidy to apply for: only notifications make sense.
            Outreach::WaivedThenApplied if subsidies.is_empty() => Outreach::Waived,
            Outreach::OverdueThenApplied | Outreach::Applied if subsidies.is_empty() => {
                Outreach::OnTime
            }
            how => how,
        };
        match how {
            Outreach::Pending | Outreach::Overdue => {}
            Outreach::OnTime => {
                let delivered = self.day_between(trigger, last.min(deadline));
                f.notifications.push(self.notification(body, delivered));
            }
            Outreach::Late => {
                let delivered = self.day_between(plus(deadline, 1), plus(deadline, 60).min(last));
                f.notifications.push(self.notification(body, delivered));
            }
            Outreach::Waived | Outreach::WaivedThenApplied => {
                let delivered = self.day_between(trigger, plus(trigger, 45));
                f.notifications.push(self.notification(body, delivered));
                if matches!(how, Outreach::WaivedThenApplied) {
                    let submitted = self.day_between(plus(deadline, 2), last);
                    f.applications.push(self.application(subsidies, submitted));
                }
            }
            Outreach::OverdueThenApplied => {
                let submitted = self.day_between(plus(deadline, 2), last);
                f.applications.push(self.application(subsidies, submitted));
            }
            Outreach::Applied => {
                let submitted = self.day_between(trigger, last);
                if self.rng.chance(50) {
                    f.notifications.push(self.notification(body, trigger));
                }
                f.applications.push(self.application(subsidies, submitted));
            }
            Outreach::WrongOffice => {
                let other = match body {
                    OfficeBody::CivilAffairs => OfficeBody::DisabledPersonsFederation,
                    OfficeBody::DisabledPersonsFederation => OfficeBody::CivilAffairs,
                };
                let delivered = self.day_between(trigger, last);
                f.notifications.push(self.notification(other, delivered));
            }
        }
    }

    /// A first certificate issued in the months before the as-of month (新办证): the
    /// disabled persons' federation must notify.
    fn new_certificate(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let how = self.rng.pick(&OUTREACH);
        let issued = self.trigger_date(how);
        let assisted = self.rng.chance(40);
        let grade = if assisted {
            self.rng.pick(&Grade::ALL)
        } else if self.rng.chance(85) {
            self.rng.pick(&SEVERE)
        } else {
            // Meets no condition: no duty at all.
            self.rng.pick(&MILD)
        };
        let mut c = self.certificate(birth, grade, issued);
        c.expires = Some(plus(years_later(issued, 10), -1));
        if assisted {
            let from = self.day_between(ymd(2012, 1, 1), ymd(2023, 6, 30));
            let kind = self.assistance_kind();
            f.household_assistance = Some(vec![AssistancePeriod {
                kind,
                from,
                to: None,
            }]);
        }
        let subsidies = Self::claimable(grade, assisted);
        self.outreach(
            &mut f,
            how,
            OfficeBody::DisabledPersonsFederation,
            issued,
            &subsidies,
        );
        f.certificates = Some(vec![c]);
        f
    }

    /// A household newly enrolled in dibao or dibao-edge in the months before the as-of month:
    /// civil affairs must notify.
    fn new_assistance(&mut self) -> Facts {
        let (mut f, birth) = self.adult();
        let how = self.rng.pick(&OUTREACH);
        let from = self.trigger_date(how);
        let grade = self.rng.pick(&Grade::ALL);
        let c = self.lasting_certificate(birth, grade, ymd(2015, 7, 1), ymd(2023, 6, 30));
        if grade.is_severe() && self.rng.chance(60) {
            // Already receiving the nursing allowance: the duty is about the living allowance.
            let submitted = self.day_between(c.issued.max(ymd(2022, 1, 1)), ymd(2023, 7, 31));
            f.applications
                .push(self.application(&[Subsidy::Nursing], submitted));
        }
        let kind = self.assistance_kind();
        f.household_assistance = Some(vec![AssistancePeriod {
            kind,
            from,
            to: None,
        }]);
        self.outreach(
            &mut f,
            how,
            OfficeBody::CivilAffairs,
            from,
            &[Subsidy::Living],
        );
        f.certificates = Some(vec![c]);
        f
    }

    /// A steady resident with one fact group left out: unknown, not none.
    fn missing_group(&mut self) -> Facts {
        let mut f = self.steady();
        match self.rng.below(6) {
            0 => f.hukou = None,
            1 => f.certificates = None,
            2 => f.household_assistance = None,
            3 => f.orphan_guarantee = None,
            4 => f.other_benefits = None,
            _ => f.custody = None,
        }
        f
    }

    /// Hukou outside Tianjin, or moved out after the claim began.
    fn hukou_elsewhere(&mut self) -> Facts {
        let mut f = self.steady();
        let birth = f
            .hukou
            .as_ref()
            .and_then(|h| h.first())
            .map_or(ymd(1970, 1, 1), |h| h.from);
        let submitted = f.applications.first().map_or(self.start, |a| a.submitted);
        if self.rng.chance(50) {
            f.hukou = Some(vec![HukouPeriod {
                place: Place::Elsewhere,
                from: birth,
                to: None,
            }]);
        } else {
            let moved = self
                .day_between(ymd(2024, 1, 1), plus(self.as_of, -1))
                .max(plus(submitted, 1));
            f.hukou = Some(vec![
                HukouPeriod {
                    place: Place::Tianjin,
                    from: birth,
                    to: Some(plus(moved, -1)),
                },
                HukouPeriod {
                    place: Place::Elsewhere,
                    from: moved,
                    to: None,
                },
            ]);
        }
        f
    }

    /// The certificate expired, or was cancelled or frozen, and nothing replaced it.
    fn certificate_lapsed(&mut self) -> Facts {
        let mut f = if self.rng.chance(50) {
            self.steady()
        } else {
            self.nursing_only()
        };
        let submitted = f.applications.first().map_or(self.start, |a| a.submitted);
        let on = self
            .day_between(ymd(2024, 1, 1), plus(self.as_of, -1))
            .max(plus(submitted, 1));
        let how = self.rng.below(3);
        if let Some(c) = f.certificates.as_mut().and_then(|c| c.first_mut()) {
            match how {
                0 => c.expires = Some(plus(on, -1).max(c.issued)),
                1 => {
                    c.withdrawn = Some(Withdrawal {
                        how: WithdrawalKind::Cancelled,
                        on: on.max(c.issued),
                    })
                }
                _ => {
                    c.withdrawn = Some(Withdrawal {
                        how: WithdrawalKind::Frozen,
                        on: on.max(c.issued),
                    })
                }
            }
        }
        f
    }

    /// A bad line of kind 0..5: invalid JSON, grade 5, an unknown field, an interval ending
    /// before it starts, a blank line.
    fn malformed(&mut self, kind: u64, out: &mut Vec<u8>) -> io::Result<()> {
        if kind == 4 {
            return Ok(());
        }
        let mut facts = self.steady();
        if kind == 3 {
            if let Some(p) = facts
                .household_assistance
                .as_mut()
                .and_then(|p| p.first_mut())
            {
                let from = p.from;
                p.to = Some(plus(from, -self.rng.range(1, 400)));
            }
        }
        let text = serde_json::to_string(&facts)?;
        let text = match kind {
            // A line cut short, as a truncated export leaves it.
            0 => text[..text.len() - 1].to_owned(),
            1 => match text.find("\"grade\":") {
                Some(at) => {
                    let value = at + "\"grade\":".len();
                    format!("{}5{}", &text[..value], &text[value + 1..])
                }
                None => text,
            },
            // A misspelt field name.
            2 => text.replacen("\"household_assistance\"", "\"houshold_assistance\"", 1),
            _ => text,
        };
        out.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

/// A roster of `count` residents from `seed`, without malformed lines, as text in memory: what
/// tests and in-memory benchmarks scan.
pub fn roster_text(count: u64, seed: u64, as_of: tianjin_disability_subsidies::Month) -> String {
    let mut out = Vec::new();
    let options = GenOptions {
        count,
        seed,
        malformed_every: None,
        as_of,
    };
    write_roster(&mut out, &options).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

/// Writes a roster of `count` residents (default seed, no malformed lines) to `path`, for the
/// speed examples.
pub fn write_roster_file(
    path: &std::path::Path,
    count: u64,
    as_of: tianjin_disability_subsidies::Month,
) -> Result<(), String> {
    let file = std::fs::File::create(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let mut out = io::BufWriter::with_capacity(1 << 20, file);
    let options = GenOptions {
        count,
        seed: DEFAULT_SEED,
        malformed_every: None,
        as_of,
    };
    write_roster(&mut out, &options)
        .map(|_| ())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
