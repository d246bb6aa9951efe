import GILRecCLI

GilrecCommand.main(arguments: nil)
