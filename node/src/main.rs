//! The `shim-node` binary: see `shim_node::cli`.

fn main() -> std::process::ExitCode {
    shim_node::cli::main()
}
