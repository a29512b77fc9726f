//! Vouching: a council may require that N active members vouch for a newcomer.

use crate::MembershipStatus;

/// The status of a newcomer with `vouches` vouches in a council that requires `required`.
pub fn status_after_vouches(vouches: u32, required: u32) -> MembershipStatus {
    if vouches >= required {
        MembershipStatus::Active
    } else {
        MembershipStatus::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newcomer_is_active_at_once_where_no_vouch_is_required() {
        assert_eq!(status_after_vouches(0, 0), MembershipStatus::Active);
    }

    #[test]
    fn a_newcomer_stays_pending_until_enough_members_vouch() {
        assert_eq!(status_after_vouches(1, 2), MembershipStatus::Pending);
        assert_eq!(status_after_vouches(2, 2), MembershipStatus::Active);
    }
}
