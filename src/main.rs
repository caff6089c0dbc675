//! Entry point of the browser explorer: mount the app on `#app`.

fn main() {
    parallax_app::run();
}

// The search benchmark's entry: the extras module's search.
parallax_app::bench_forward_export!();
