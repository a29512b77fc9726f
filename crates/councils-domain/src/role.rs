//! Roles in a council and what each may do there.

use serde::{Deserialize, Serialize};

/// A role a member holds in one council. Every member holds `Member`; the others are added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Organiser,
    Verifier,
    Responder,
    Legal,
    Treasurer,
}

impl Role {
    /// Every role, in the order they are listed.
    pub const ALL: [Role; 6] = [
        Role::Member,
        Role::Organiser,
        Role::Verifier,
        Role::Responder,
        Role::Legal,
        Role::Treasurer,
    ];

    /// The code in storage, URLs and translation keys (`role-organiser`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Organiser => "organiser",
            Role::Verifier => "verifier",
            Role::Responder => "responder",
            Role::Legal => "legal",
            Role::Treasurer => "treasurer",
        }
    }

    /// Reads a role code.
    pub fn from_code(code: &str) -> Option<Self> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// Whether a member of a council is in full standing or still waiting for vouches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MembershipStatus {
    Pending,
    Active,
}

impl MembershipStatus {
    /// The code in storage.
    pub fn code(self) -> &'static str {
        match self {
            MembershipStatus::Pending => "pending",
            MembershipStatus::Active => "active",
        }
    }

    /// Reads a status code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "pending" => Some(MembershipStatus::Pending),
            "active" => Some(MembershipStatus::Active),
            _ => None,
        }
    }
}

/// Something a person may try to do in a council.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See the council's name, kind, description and place in the federation.
    SeeCouncil,
    /// See who the members are and their roles.
    SeeMembers,
    /// Read the council's minutes.
    ReadMinutes,
    /// Vouch for a pending newcomer.
    Vouch,
    /// Create invitations.
    Invite,
    /// Approve a pending newcomer without waiting for vouches, change roles, remove members.
    ManageMembers,
    /// Change the council's names, description and settings.
    ChangeSettings,
    /// Ask to join a higher council, accept or end a constituent's link.
    ManageFederation,
    /// Put a motion to the council, comment on motions, propose amendments.
    ProposeMotion,
    /// Cast a ballot on a motion that is voting.
    Vote,
    /// Chair the council's decisions: open and close voting on any motion (a mover may open
    /// voting on their own).
    ChairMotions,
}

/// Where a person stands in one council: outside it, pending, or an active member with roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    Outsider,
    Pending,
    Active(Vec<Role>),
}

impl Standing {
    /// Whether this standing allows the action. Pending members see only what any signed-in
    /// member of the instance sees: the council's name and its place in the federation.
    pub fn may(&self, action: Action) -> bool {
        match self {
            Standing::Outsider | Standing::Pending => matches!(action, Action::SeeCouncil),
            Standing::Active(roles) => match action {
                Action::SeeCouncil
                | Action::SeeMembers
                | Action::ReadMinutes
                | Action::Vouch
                | Action::ProposeMotion
                | Action::Vote => true,
                Action::Invite
                | Action::ManageMembers
                | Action::ChangeSettings
                | Action::ManageFederation
                | Action::ChairMotions => roles.contains(&Role::Organiser),
            },
        }
    }

    /// Whether this is an active member holding the role.
    pub fn holds(&self, role: Role) -> bool {
        matches!(self, Standing::Active(roles) if roles.contains(&role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_member_sees_the_council_but_not_its_members() {
        assert!(Standing::Pending.may(Action::SeeCouncil));
        assert!(!Standing::Pending.may(Action::SeeMembers));
        assert!(!Standing::Pending.may(Action::ReadMinutes));
        assert!(!Standing::Pending.may(Action::Vouch));
        assert!(!Standing::Pending.may(Action::Vote));
        assert!(!Standing::Pending.may(Action::ProposeMotion));
    }

    #[test]
    fn only_organisers_invite_and_manage() {
        let member = Standing::Active(vec![Role::Member, Role::Verifier]);
        let organiser = Standing::Active(vec![Role::Member, Role::Organiser]);
        for action in [
            Action::Invite,
            Action::ManageMembers,
            Action::ChangeSettings,
            Action::ManageFederation,
            Action::ChairMotions,
        ] {
            assert!(!member.may(action));
            assert!(organiser.may(action));
            assert!(!Standing::Outsider.may(action));
        }
    }

    #[test]
    fn an_outsider_sees_only_the_council_itself() {
        assert!(Standing::Outsider.may(Action::SeeCouncil));
        assert!(!Standing::Outsider.may(Action::SeeMembers));
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
    }
}
