//! A bound on the work a page's templates may ask for. Tera's `range` makes at most 100,000
//! numbers per call, but a loop over `range` inside another runs 10¹⁰ times and a build never
//! ends. akashi's own `range` (the same arguments and numbers) counts what each page has made
//! and stops the page, with a clear error, past [`RANGE_BUDGET`]: far more than any theme's
//! page needs (pagination of a 10,000-article site makes a few thousand).

use std::cell::Cell;

/// Numbers that `range` may make while one page is rendered.
pub const RANGE_BUDGET: i128 = 1_000_000;

thread_local! {
    /// What `range` has made for the page this thread is rendering.
    static MADE: Cell<i128> = const { Cell::new(0) };
}

/// Called before each page is rendered (a page renders on one thread, start to end).
pub fn start_page() {
    MADE.set(0);
}

pub fn register(tera: &mut tera::Tera) {
    tera.register_function("range", range);
}

fn range(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `step_by` argument of 0",
        ));
    }
    if start > end && step > 0 {
        return Err(tera::Error::message(
            "Function `range` was called with a `start` argument greater than the `end` one",
        ));
    }
    // How many numbers, without overflow: saturating is enough to compare with the budget.
    let len = if step > 0 {
        end.saturating_sub(start).saturating_add(step - 1) / step
    } else if start <= end {
        0
    } else {
        let step = step.saturating_neg();
        start.saturating_sub(end).saturating_add(step - 1) / step
    };
    let made = MADE.get().saturating_add(len);
    if made > RANGE_BUDGET {
        return Err(tera::Error::message(format!(
            "`range` would make more than {RANGE_BUDGET} numbers for this page (a loop over `range` inside another?); akashi stops a page there so that a build always ends"
        )));
    }
    MADE.set(made);
    Ok((0..len).map(|i| start + i * step).collect())
}
