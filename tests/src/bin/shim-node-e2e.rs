//! `shim-node` built inside the test package so the scenarios can spawn it; same entry point as node/src/main.rs.

fn main() -> std::process::ExitCode {
    shim_node::cli::main()
}
