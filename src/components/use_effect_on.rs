use yew::prelude::*;

/// `use_effect_with` for an effect with nothing to tear down, the effect
/// boxed: Yew instantiates its effect machinery once per type of deps and
/// effect, so with the effect boxed it is once per type of deps, however
/// many call sites (docs/SIZE.md, session 3).
#[hook]
pub fn use_effect_on<T, F>(deps: T, effect: F)
where
    T: PartialEq + 'static,
    F: FnOnce(&T) + 'static,
{
    let effect: Box<dyn FnOnce(&T)> = Box::new(effect);
    use_effect_with(deps, effect);
}
