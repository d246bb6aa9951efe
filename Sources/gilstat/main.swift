print("gilstat")
