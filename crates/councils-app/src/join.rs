//! Joining: a newcomer uses an invitation to create a pseudonymous account (or, if the
//! invitation founds the first council, to create that council too).

use crate::crypto::{hash_passphrase, new_id};
use crate::ports::{NewCouncil, NewMember, SessionKind};
use crate::session::SignedIn;
use crate::{Actor, App, AppError};
use councils_domain::council::{DESCRIPTION_MAX, NAME_MAX};
use councils_domain::{
    CouncilId, CouncilKind, CouncilName, CouncilSettings, Handle, Language, MemberId,
    MembershipStatus, Passphrase, Slug,
};

/// Longest email address accepted.
pub const EMAIL_MAX: usize = 254;

/// What a newcomer types on the join page.
#[derive(Clone, Debug)]
pub struct JoinForm {
    pub handle: String,
    pub passphrase: String,
    pub language: Language,
    /// Optional, for notifications; stored encrypted.
    pub email: Option<String>,
    /// Required when the invitation founds a council.
    pub founding: Option<CouncilForm>,
}

/// A council's first details, as typed by its founder.
#[derive(Clone, Debug)]
pub struct CouncilForm {
    pub slug: String,
    pub kind: CouncilKind,
    pub name: String,
    pub description: String,
    pub language: Language,
}

impl CouncilForm {
    /// Checks the form and makes a council of it.
    pub(crate) fn validate(&self) -> Result<NewCouncil, AppError> {
        let slug = Slug::parse(&self.slug)?;
        let name = self.name.trim();
        if name.is_empty() {
            return Err(AppError::FieldMissing);
        }
        if name.chars().count() > NAME_MAX || self.description.chars().count() > DESCRIPTION_MAX {
            return Err(AppError::FieldTooLong);
        }
        Ok(NewCouncil {
            id: CouncilId::new(new_id()),
            slug,
            kind: self.kind,
            names: vec![CouncilName {
                language: self.language,
                name: name.to_string(),
                description: self.description.trim().to_string(),
            }],
            settings: CouncilSettings::default(),
        })
    }
}

/// Checks an optional email address: empty means none.
pub(crate) fn parse_email(email: Option<&str>) -> Result<Option<String>, AppError> {
    let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    if email.chars().count() > EMAIL_MAX {
        return Err(AppError::FieldTooLong);
    }
    let well_formed = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !email.contains(char::is_whitespace)
    });
    if !well_formed {
        return Err(AppError::BadValue);
    }
    Ok(Some(email.to_string()))
}

impl App {
    /// Creates the newcomer's account through an invitation and signs them in.
    pub async fn join(
        &self,
        token: &str,
        form: &JoinForm,
    ) -> Result<(MembershipStatus, SignedIn), AppError> {
        let invitation = self.invitation(token).await?;
        let handle = Handle::parse(&form.handle)?;
        let passphrase = Passphrase::new_checked(&form.passphrase, &[handle.as_str()])?;
        let email = parse_email(form.email.as_deref())?;
        let founding = match (&invitation.council, &form.founding) {
            (None, Some(council)) => Some(council.validate()?),
            (None, None) => return Err(AppError::FieldMissing),
            (Some(_), _) => None,
        };
        let id = MemberId::new(new_id());
        let member = NewMember {
            email_sealed: email.map(|e| self.cipher.encrypt(id.as_str(), &e)),
            id: id.clone(),
            handle,
            language: form.language,
            passphrase_hash: hash_passphrase(passphrase.expose()),
        };
        let status = self
            .store
            .join(&invitation.id, &member, founding.as_ref(), self.now())
            .await?;
        let token = self.open_session(&id, SessionKind::Browser).await?;
        Ok((
            status,
            SignedIn {
                device_tag: self.cipher.device_tag(id.as_str()),
                member_id: id,
                token,
            },
        ))
    }

    /// A member who already has an account joins another council through an invitation.
    pub async fn join_existing(
        &self,
        actor: &Actor,
        token: &str,
    ) -> Result<MembershipStatus, AppError> {
        let invitation = self.invitation(token).await?;
        if invitation.council.is_none() {
            return Err(AppError::InvitationInvalid);
        }
        Ok(self
            .store
            .join_existing(&invitation.id, &actor.member_id, self.now())
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_email_means_none() {
        assert_eq!(parse_email(Some("  ")).unwrap(), None);
        assert_eq!(parse_email(None).unwrap(), None);
    }

    #[test]
    fn a_malformed_email_is_refused() {
        assert!(matches!(parse_email(Some("rosa")), Err(AppError::BadValue)));
        assert!(matches!(
            parse_email(Some("ro sa@x.org")),
            Err(AppError::BadValue)
        ));
        assert_eq!(
            parse_email(Some("rosa@example.org")).unwrap().as_deref(),
            Some("rosa@example.org")
        );
    }
}
