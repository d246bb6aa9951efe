print("gilbench")
