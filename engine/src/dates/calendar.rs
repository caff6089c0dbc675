//! Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), so dates can
//! be compared, moved by days and given their weekday without a date library.

/// A day number: days since 1970-01-01 (negative before it).
pub type Day = i64;

/// The day number of a civil date (`month` 1-12, `day` 1-31; out-of-range days roll over).
pub fn day_number(year: i32, month: u8, day: u8) -> Day {
    // Howard Hinnant's days_from_civil.
    let (y, m, d) = (i64::from(year), i64::from(month.clamp(1, 12)), i64::from(day.max(1)));
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number.
pub fn civil(day: Day) -> (i32, u8, u8) {
    let z = day + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (i32::try_from(y).unwrap_or(i32::MAX), m as u8, d as u8)
}

/// The weekday of a day number: 1 (Monday) to 7 (Sunday).
pub fn weekday(day: Day) -> u8 {
    // 1970-01-01 was a Thursday (4).
    ((day + 3).rem_euclid(7) + 1) as u8
}

/// Days in a month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first day of a month.
pub fn month_start(year: i32, month: u8) -> Day {
    day_number(year, month, 1)
}

/// The last day of a month.
pub fn month_end(year: i32, month: u8) -> Day {
    day_number(year, month, days_in_month(year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_know_their_weekdays() {
        assert_eq!(day_number(1970, 1, 1), 0);
        for day in [-800_000, -1, 0, 18_493, 19_000, 25_000] {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(y, m, d), day);
        }
        // Thursday 20 August 2020, Wednesday 23 April 2025, Tuesday 27 July 2021.
        assert_eq!(weekday(day_number(2020, 8, 20)), 4);
        assert_eq!(weekday(day_number(2025, 4, 23)), 3);
        assert_eq!(weekday(day_number(2021, 7, 27)), 2);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(month_end(2021, 6) + 1, month_start(2021, 7));
    }
}
