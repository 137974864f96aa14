//! rgoc: a Go compiler written in Rust. See ARCHITECTURE.md for the map.

mod codegen;
mod driver;

fn main() -> std::process::ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("rgoc: internal compiler error: {}", info);
        std::process::exit(3);
    }));
    driver::main()
}
