class Config:
    def __init__(self):
        self.values = {"a": 1}

cfg = Config()
print(cfg.values["a"])
print(cfg.value["a"])
