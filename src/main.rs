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
