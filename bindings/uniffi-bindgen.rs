//! Generates the Kotlin and Swift bindings from the built library: `uniffi-bindgen generate`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
