def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "fuzz: time-bounded fuzzing of the readers (BUDGET_CHECKS_FUZZ_SECONDS sets the budget)")
