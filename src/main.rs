use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = akashi::cli::Cli::parse();
    match akashi::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            akashi::cli::print_error(&error);
            ExitCode::from(2)
        }
    }
}

// Parsing, linting and rendering allocate many small strings from several threads at once;
// mimalloc does that with about a sixth less CPU time than the system allocator (at a few
// percent more memory; docs/performance.md).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
