//! One module per route.

pub mod article;
pub mod home;
pub mod not_found;
