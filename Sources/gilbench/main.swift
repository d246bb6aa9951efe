import GILBenchCLI

GilbenchCommand.main()
