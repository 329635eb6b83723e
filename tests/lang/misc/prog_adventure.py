# A tiny text adventure driven by a fixed command script (a state machine).
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall", "up": "attic"}, "items": ["book", "key"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["bread"]},
    "cellar": {"desc": "a dark cellar", "exits": {"up": "kitchen"}, "items": ["chest"], "dark": True},
    "attic": {"desc": "a cramped attic", "exits": {"down": "library"}, "items": [], "locked": True},
}
HEAVY = {"chest"}


class GameOver(Exception):
    pass


class Game:
    def __init__(self, rooms):
        self.rooms = {name: dict(info, items=list(info["items"])) for name, info in rooms.items()}
        self.where = "hall"
        self.inventory = []
        self.moves = 0
        self.score = 0
        self.state = "playing"
        self.handlers = {
            "look": self.look, "go": self.go, "take": self.take, "drop": self.drop,
            "inventory": self.show_inventory, "open": self.open, "read": self.read, "eat": self.eat,
            "quit": self.quit,
        }

    def room(self):
        return self.rooms[self.where]

    def lit(self):
        return not self.room().get("dark") or "lamp" in self.inventory

    def look(self):
        if not self.lit():
            return "It is pitch black."
        r = self.room()
        items = ", ".join(r["items"]) if r["items"] else "nothing"
        exits = " ".join(sorted(r["exits"]))
        return "You are in %s. You see %s. Exits: %s." % (r["desc"], items, exits)

    def go(self, direction=None):
        if direction is None:
            return "Go where?"
        exits = self.room()["exits"]
        if direction not in exits:
            return "You can't go %s." % direction
        target = exits[direction]
        if self.rooms[target].get("locked"):
            if "key" in self.inventory:
                self.rooms[target]["locked"] = False
                self.score += 10
                msg = "You unlock the way %s. " % direction
            else:
                return "The way %s is locked." % direction
        else:
            msg = ""
        self.where = target
        self.moves += 1
        return msg + self.look()

    def take(self, item=None):
        if not self.lit():
            return "You fumble in the dark."
        r = self.room()
        if item not in r["items"]:
            return "There is no %s here." % item
        if item in HEAVY:
            return "The %s is too heavy." % item
        r["items"].remove(item)
        self.inventory.append(item)
        self.score += 5
        return "Taken: %s." % item

    def drop(self, item=None):
        try:
            self.inventory.remove(item)
        except ValueError:
            return "You don't have %s." % item
        self.room()["items"].append(item)
        return "Dropped."

    def show_inventory(self):
        if not self.inventory:
            return "You carry nothing."
        return "You carry: " + ", ".join(sorted(self.inventory)) + "."

    def open(self, item=None):
        if item != "chest" or "chest" not in self.room()["items"]:
            return "You can't open that."
        if not self.lit():
            return "Too dark to find the latch."
        self.score += 50
        self.state = "won"
        raise GameOver("The chest holds gold. You win!")

    def read(self, item=None):
        if item == "book" and "book" in self.inventory:
            return "The book says: 'light conquers the deep'."
        return "Nothing to read."

    def eat(self, item=None):
        if item in self.inventory and item == "bread":
            self.inventory.remove(item)
            return "Delicious."
        return "You can't eat that."

    def quit(self):
        self.state = "quit"
        raise GameOver("You give up.")

    def command(self, line):
        words = line.lower().split()
        if not words:
            return "Say something."
        verb, args = words[0], words[1:]
        aliases = {"n": ("go", "north"), "s": ("go", "south"), "e": ("go", "east"), "w": ("go", "west"),
                   "u": ("go", "up"), "d": ("go", "down"), "i": ("inventory",), "l": ("look",)}
        if verb in aliases:
            verb, *extra = aliases[verb]
            args = extra + args
        handler = self.handlers.get(verb)
        if handler is None:
            return "I don't know how to %r." % verb
        try:
            return handler(*args)
        except TypeError:
            return "That doesn't make sense."


script = [
    "look", "take lamp", "drop lamp", "take lamp", "n", "take book", "read book", "u",
    "take key", "u", "dance", "", "go", "d", "s", "e", "take bread", "eat bread", "eat bread",
    "d", "take chest", "i", "go sideways", "look around now", "open door", "open chest", "look",
]
game = Game(ROOMS)
for step, line in enumerate(script, 1):
    if game.state != "playing":
        print("(ignored after end: %r)" % line)
        continue
    try:
        reply = game.command(line)
    except GameOver as end:
        reply = str(end)
    print("%2d> %-18s %s" % (step, line, reply))

print("state:", game.state, "moves:", game.moves, "score:", game.score)
print("inventory:", sorted(game.inventory))
for name in sorted(game.rooms):
    r = game.rooms[name]
    print(name, r["items"], "locked" if r.get("locked") else "open")
print(ROOMS["hall"]["items"], ROOMS["attic"]["locked"])

game2 = Game(ROOMS)
for line in ["e", "d", "open chest", "quit", "look"]:
    try:
        print(game2.command(line))
    except GameOver as end:
        print("GAME OVER:", end, game2.state)
        break
