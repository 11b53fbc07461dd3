use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(akashi::cli::main(akashi::cli::Cli::parse()))
}

// Parsing, linting and rendering allocate many small strings from several threads at once;
// mimalloc does that with about a sixth less CPU time than the system allocator (at a few
// percent more memory; docs/performance.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
