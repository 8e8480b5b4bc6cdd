//! The national disability certificate number (残疾人证号): the holder's 18-digit citizen ID
//! followed by one digit for the category and one for the grade (FACTS.md).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::facts::{Category, Grade};

/// A checked 20-digit certificate number.
///
/// Parsing verifies the citizen ID's check character (GB 11643: ISO 7064 MOD 11-2, `X` for 10),
/// that digits 7–14 are a date of birth, and that the last two digits are a category (1–7) and a
/// grade (1–4).
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::facts::{CertificateNumber, Category, Grade};
///
/// let number: CertificateNumber = "12010119800101001242".parse()?;
/// assert_eq!(number.category(), Category::Physical);
/// assert_eq!(number.grade(), Grade::Two);
/// assert_eq!(number.birth_date().to_string(), "1980-01-01");
/// # Ok::<(), tianjin_disability_subsidies::facts::CertificateNumberProblem>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CertificateNumber {
    digits: String,
    category: Category,
    grade: Grade,
    birth_date: NaiveDate,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character (GB 11643) that the first 17 digits of a citizen ID call for.
///
/// Returns `None` unless `first17` is 17 ASCII digits.
pub fn citizen_id_check_character(first17: &str) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    check_character_of(first17.as_bytes())
}

/// The check character that the 17 bytes `first17` call for, or `None` unless they are all ASCII
/// digits: one pass, checking and summing together (this runs for every certificate of a
/// roster).
#[inline(always)]
fn check_character_of(first17: &[u8]) -> Option<char> {
    let mut sum = 0u32;
    let mut all_digits = true;
    for (b, w) in first17.iter().zip(WEIGHTS) {
        let digit = b.wrapping_sub(b'0');
        all_digits &= digit < 10;
        sum += u32::from(digit) * w;
    }
    all_digits.then(|| CHECK_CHARACTERS[(sum % 11) as usize])
}

impl CertificateNumber {
    /// The disability category the 19th digit encodes.
    pub fn category(&self) -> Category {
        self.category
    }

    /// The grade the 20th digit encodes.
    pub fn grade(&self) -> Grade {
        self.grade
    }

    /// The holder's date of birth, from the citizen ID.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The holder's 18-character citizen ID.
    pub fn citizen_id(&self) -> &str {
        &self.digits[..18]
    }

    /// Checks that the category and grade the number encodes agree with a certificate's record.
    ///
    /// # Errors
    ///
    /// [`CertificateNumberProblem::CategoryMismatch`](CertificateNumberProblem::CategoryMismatch) or
    /// [`CertificateNumberProblem::GradeMismatch`](CertificateNumberProblem::GradeMismatch) when they differ.
    pub fn check_agrees(&self, category: Category, grade: Grade) -> Result<(), Problem> {
        agree((self.category, self.grade), (category, grade))
    }
}

impl FromStr for CertificateNumber {
    type Err = Problem;

    fn from_str(s: &str) -> Result<CertificateNumber, Problem> {
        let (category, grade, birth_date) = check_fields(s)?;
        Ok(CertificateNumber {
            digits: s.to_ascii_uppercase(),
            category,
            grade,
            birth_date,
        })
    }
}

/// Checks a certificate number against a record's category and grade without keeping it: what
/// checking a resident's facts needs, once per certificate of every resident of a roster.
pub(crate) fn check_number(s: &str, category: Category, grade: Grade) -> Result<(), Problem> {
    let (in_number, grade_in_number, _) = check_fields(s)?;
    agree((in_number, grade_in_number), (category, grade))
}

/// The category and grade a number encodes against those of the record.
fn agree(number: (Category, Grade), record: (Category, Grade)) -> Result<(), Problem> {
    if number.0 != record.0 {
        return Err(Problem::CategoryMismatch {
            in_number: number.0,
            in_record: record.0,
        });
    }
    if number.1 != record.1 {
        return Err(Problem::GradeMismatch {
            in_number: number.1,
            in_record: record.1,
        });
    }
    Ok(())
}

/// Every check of a number, in the order its errors are reported: the characters, the check
/// character, the date of birth, the category, the grade. Returns the category, the grade and
/// the date of birth.
///
/// This runs once per certificate of every resident of a roster, so it reads the bytes in one
/// pass; the characters are looked at again only to say what is wrong.
fn check_fields(s: &str) -> Result<(Category, Grade, NaiveDate), Problem> {
    let bytes = s.as_bytes();
    let well_formed_tail = bytes.len() == 20
        && matches!(bytes[17], b'0'..=b'9' | b'X' | b'x')
        && bytes[18].is_ascii_digit()
        && bytes[19].is_ascii_digit();
    let expected = if well_formed_tail {
        check_character_of(&bytes[..17])
    } else {
        None
    };
    let Some(expected) = expected else {
        return Err(malformed(s));
    };
    // Twenty ASCII characters from here on, the first 17 of them digits.
    let found = char::from(bytes[17].to_ascii_uppercase());
    if expected != found {
        return Err(Problem::CheckDigit { expected, found });
    }
    let digits = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    // Four digits: 0 to 9999, a year chrono represents.
    let (year, month, day) = (digits(6..10) as i32, digits(10..12), digits(12..14));
    let birth_date =
        NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Problem::BirthDate {
            found: s[6..14].to_owned(),
        })?;
    let category = Category::from_code(bytes[18] - b'0').ok_or(Problem::UnknownCategory {
        found: char::from(bytes[18]),
    })?;
    let grade = Grade::try_from(bytes[19] - b'0').map_err(|_| Problem::UnknownGrade {
        found: char::from(bytes[19]),
    })?;
    Ok((category, grade, birth_date))
}

/// What is wrong with a number that is not 20 characters, each a digit (or `X` at the check
/// position): said by characters, since the number may hold non-ASCII text.
#[cold]
fn malformed(s: &str) -> Problem {
    let count = s.chars().count();
    if count != 20 {
        return Problem::WrongLength { found: count };
    }
    s.chars()
        .enumerate()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 17 && (c == 'X' || c == 'x'))))
        // Some character fails, or the bytes would have passed: the fallback is never used.
        .map_or(Problem::WrongLength { found: count }, |(i, c)| {
            Problem::NotADigit {
                position: i + 1,
                found: c,
            }
        })
}

impl fmt::Display for CertificateNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up Tianjin citizen ID whose check character is computed, not copied.
    fn id(first17: &str) -> String {
        let mut s = first17.to_owned();
        s.push(citizen_id_check_character(first17).unwrap());
        s
    }

    /// The date of birth a number may hold is a day as chrono has it (the number's check used
    /// to be a copy of chrono's calendar rule; it is chrono's now).
    #[test]
    fn the_calendar_check_agrees_with_chrono() {
        let years = (1890..=2110).chain([0, 4, 100, 400, 1600, 1700, 1800, 1900, 2000, 9996, 9999]);
        for year in years {
            for month in 0..=13 {
                for day in 0..=32 {
                    let written = format!("{year:04}{month:02}{day:02}");
                    let number = format!("{}42", id(&format!("120101{written}001")));
                    let expected = NaiveDate::from_ymd_opt(year, month, day);
                    match check_fields(&number) {
                        Ok((_, _, birth_date)) => {
                            assert_eq!(Some(birth_date), expected, "{year}-{month}-{day}")
                        }
                        Err(problem) => {
                            assert_eq!(expected, None, "{year}-{month}-{day}");
                            assert_eq!(problem, Problem::BirthDate { found: written });
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn check_character_follows_gb_11643() {
        // Source: the worked example of GB 11643-1999, 11010519491231002X.
        assert_eq!(citizen_id_check_character("11010519491231002"), Some('X'));
        assert_eq!(citizen_id_check_character("44052418800101001"), Some('4'));
        assert_eq!(citizen_id_check_character("1101051949123100"), None);
    }

    #[test]
    fn parses_category_grade_and_birth_date() {
        let n: CertificateNumber = format!("{}42", id("12010119800101001")).parse().unwrap();
        assert_eq!(n.category(), Category::Physical);
        assert_eq!(n.grade(), Grade::Two);
        assert_eq!(n.birth_date(), NaiveDate::from_ymd_opt(1980, 1, 1).unwrap());
        assert_eq!(n.citizen_id(), id("12010119800101001"));
        let x: CertificateNumber = "11010519491231002x71".parse().unwrap();
        assert_eq!(x.to_string(), "11010519491231002X71");
        assert_eq!(x.category(), Category::Multiple);
    }

    #[test]
    fn refuses_bad_numbers_with_what_is_wrong() {
        let good = id("12010119800101001");
        let wrong_check = format!(
            "{}{}",
            &good[..17],
            if good.ends_with('1') { '2' } else { '1' }
        );
        let cases = [
            ("1234".to_owned(), "expected 20 characters (18-digit citizen ID, category digit, grade digit), found 4"),
            (format!("{}4A", good), "expected a digit at position 20, found 'A'"),
            (format!("{wrong_check}42"), ""),
            (format!("{}82", good), "expected a category digit from 1 to 7 at position 19, found '8'"),
            (format!("{}45", good), "expected a grade digit from 1 to 4 at position 20, found '5'"),
            (format!("{}42", id("12010119801301001")), "the citizen ID's digits 7-14 should be a date of birth, found \"19801301\""),
        ];
        for (number, message) in cases {
            let err = number.parse::<CertificateNumber>().unwrap_err();
            if message.is_empty() {
                assert!(matches!(err, Problem::CheckDigit { .. }), "{number}: {err}");
            } else {
                assert_eq!(err.to_string(), message, "{number}");
            }
        }
    }

    #[test]
    fn a_wrong_check_character_names_the_expected_one() {
        let err = "11010519491231002171"
            .parse::<CertificateNumber>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the citizen ID's check character should be 'X', found '1'"
        );
    }

    #[test]
    fn mismatch_with_the_record_is_reported() {
        let n: CertificateNumber = format!("{}42", id("12010119800101001")).parse().unwrap();
        assert!(n.check_agrees(Category::Physical, Grade::Two).is_ok());
        assert_eq!(
            n.check_agrees(Category::Visual, Grade::Two)
                .unwrap_err()
                .to_string(),
            "the number encodes category physical, but the certificate says visual"
        );
        assert_eq!(
            n.check_agrees(Category::Physical, Grade::Three)
                .unwrap_err()
                .to_string(),
            "the number encodes grade 2, but the certificate says grade 3"
        );
    }
}

/// What is wrong with a 20-digit disability certificate number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CertificateNumberProblem {
    /// Not 20 characters.
    WrongLength {
        /// The number of characters given.
        found: usize,
    },
    /// A character that is not a digit (an `X` is allowed only as the ID's check character).
    NotADigit {
        /// 1-based position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// The citizen ID's check character does not match (GB 11643, ISO 7064 MOD 11-2).
    CheckDigit {
        /// What the first 17 digits call for.
        expected: char,
        /// What the number has.
        found: char,
    },
    /// Digits 7–14 of the citizen ID are not a date of birth.
    BirthDate {
        /// The eight digits.
        found: String,
    },
    /// The 19th digit is no category.
    UnknownCategory {
        /// The digit.
        found: char,
    },
    /// The 20th digit is no grade.
    UnknownGrade {
        /// The digit.
        found: char,
    },
    /// The category the number encodes differs from the record's.
    CategoryMismatch {
        /// From the 19th digit.
        in_number: Category,
        /// From the `category` field.
        in_record: Category,
    },
    /// The grade the number encodes differs from the record's.
    GradeMismatch {
        /// From the 20th digit.
        in_number: Grade,
        /// From the `grade` field.
        in_record: Grade,
    },
}

use CertificateNumberProblem as Problem;
