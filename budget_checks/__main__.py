from budget_checks.cli import main

main()
