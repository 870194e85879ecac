use std::time::Duration;

use yew::prelude::*;

use super::use_effect_on;

/// How many of `count` parts to render. In the server renderer (the
/// prerendered page, which also serves readers with no script) it is all of
/// them at once. In the browser the first render has none, and each later
/// task adds one: the takeover is then many short tasks instead of one long
/// one that would hold up a tap (Lighthouse's Total Blocking Time; see
/// `bench/startup.mjs`).
///
/// Only for parts the person cannot see yet: the app while it is built out
/// of sight (see `App`'s `part` list and `web::reveal`), closed `<details>`
/// bodies and the foot of the page. They are in place within a few frames.
/// Is this render in a browser? This crate's server renderer runs only
/// natively (`mbc-postbuild`, the native tests) and its wasm only in a
/// browser, so the target says which; Yew has no run-time test for it, and
/// effects, which would tell, never run on the server.
const IN_A_BROWSER: bool = cfg!(target_arch = "wasm32");

#[hook]
pub fn use_staged(count: usize) -> usize {
    let shown = use_state_eq(|| if IN_A_BROWSER { 0 } else { count });
    {
        let shown = shown.clone();
        use_effect_on(*shown, move |&n| {
            if n < count {
                // A timer, not a microtask: the browser may paint and handle
                // input between the parts.
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(Duration::ZERO).await;
                    shown.set(n + 1);
                });
            }
        });
    }
    *shown
}
