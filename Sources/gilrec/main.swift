print("gilrec")
