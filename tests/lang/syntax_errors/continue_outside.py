print("start")
continue
