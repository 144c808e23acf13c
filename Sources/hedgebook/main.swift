import HedgebookShell
print("hedgebook")
