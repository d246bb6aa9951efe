import GILStatCLI

GilstatCommand.main()
