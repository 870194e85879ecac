use yew::prelude::*;

use crate::qr::Qr;

/// A QR code as an SVG figure, captioned with `label`, which is also its
/// accessible name: the share dialog's and the printed sheet's. `px` fixes
/// its size on paper; without it the stylesheet sizes it.
pub fn qr_figure(qr: &Qr, label: &str, class: &'static str, px: Option<&'static str>) -> Html {
    let size = qr.size.to_string();
    html! {
        <figure {class}>
            <svg viewBox={format!("0 0 {0} {0}", qr.size)} width={px} height={px} role="img"
                aria-label={label.to_owned()}>
                <rect width={size.clone()} height={size} fill="#fff" />
                <path d={qr.path.clone()} fill="#000" />
            </svg>
            <figcaption>{ label.to_owned() }</figcaption>
        </figure>
    }
}
