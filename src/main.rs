//! Entry point of the browser explorer: mount the app on `#app`.

fn main() {
    parallax_app::run();
}
