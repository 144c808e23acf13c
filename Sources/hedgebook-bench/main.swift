import HedgebookModel
print("bench")
