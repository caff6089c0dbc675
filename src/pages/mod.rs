//! One module per route.

pub mod article;
pub mod chunked;
pub mod chunked_home;
pub mod compare;
pub mod deferred;
pub mod entities;
pub mod entity;
pub mod home;
pub mod not_found;
pub mod search;
