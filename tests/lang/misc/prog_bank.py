# A small bank simulation: accounts, transfers, interest, audit log and reports.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("account %s: cannot withdraw %s (balance %s)"
                         % (account.number, fmt_money(amount), fmt_money(account.balance)))
        self.account = account
        self.amount = amount


class AccountFrozen(Exception):
    pass


def fmt_money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return "%s$%s.%02d" % (sign, "{:,}".format(cents // 100), cents % 100)


class Transaction:
    _next_id = 1

    def __init__(self, kind, amount, memo=""):
        self.id = Transaction._next_id
        Transaction._next_id += 1
        self.kind = kind
        self.amount = amount
        self.memo = memo

    def __repr__(self):
        return "Transaction(#%d %s %s%s)" % (
            self.id, self.kind, fmt_money(self.amount), " " + repr(self.memo) if self.memo else "")


class Account:
    kind = "basic"
    overdraft = 0

    def __init__(self, number, owner, opening=0):
        self.number = number
        self.owner = owner
        self._balance = 0
        self.history = []
        self.frozen = False
        if opening:
            self.deposit(opening, "opening deposit")

    @property
    def balance(self):
        return self._balance

    def _check(self):
        if self.frozen:
            raise AccountFrozen("account %s is frozen" % self.number)

    def deposit(self, amount, memo=""):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive, got %d" % amount)
        self._balance += amount
        self.history.append(Transaction("deposit", amount, memo))
        return self._balance

    def withdraw(self, amount, memo=""):
        self._check()
        if amount <= 0:
            raise ValueError("withdrawal must be positive, got %d" % amount)
        if self._balance - amount < -self.overdraft:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(Transaction("withdraw", amount, memo))
        return self._balance

    def month_end(self):
        pass

    def __repr__(self):
        return "%s(%s, %r, %s)" % (type(self).__name__, self.number, self.owner, fmt_money(self._balance))

    def __lt__(self, other):
        return (self._balance, self.number) < (other._balance, other.number)

    def __eq__(self, other):
        return isinstance(other, Account) and self.number == other.number

    def __hash__(self):
        return hash(self.number)


class Savings(Account):
    kind = "savings"
    rate_bp = 125  # basis points per month

    def month_end(self):
        interest = self._balance * self.rate_bp // 10000
        if interest > 0:
            self.deposit(interest, "interest")
        return interest


class Checking(Account):
    kind = "checking"
    overdraft = 50000
    fee = 1500

    def month_end(self):
        if self._balance < 0:
            self._balance -= self.fee
            self.history.append(Transaction("fee", self.fee, "overdraft fee"))
            return -self.fee
        return 0


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.log = []
        self._next = 1000

    def open(self, cls, owner, opening=0):
        self._next += 1
        number = "AC%d" % self._next
        acct = cls(number, owner, opening)
        self.accounts[number] = acct
        self.log.append(("open", number, owner))
        return acct

    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        a.withdraw(amount, "to " + dst)
        try:
            b.deposit(amount, "from " + src)
        except AccountFrozen:
            a.deposit(amount, "refund")
            raise
        self.log.append(("transfer", src, dst, amount))

    def month_end(self):
        changes = {}
        for number, acct in self.accounts.items():
            changes[number] = acct.month_end()
        return changes

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def by_owner(self):
        result = {}
        for acct in self.accounts.values():
            result.setdefault(acct.owner, []).append(acct.number)
        return result

    def statements(self):
        for acct in sorted(self.accounts.values(), key=lambda a: a.number):
            yield acct.number, acct.kind, [t.kind for t in acct.history]


bank = Bank("Krait Savings & Loan")
alice = bank.open(Savings, "alice", 250000)
bob = bank.open(Checking, "bob", 12000)
carol = bank.open(Checking, "carol")
alice2 = bank.open(Checking, "alice", 5000)
print(alice, bob, carol, alice2, sep="\n")

operations = [
    ("transfer", alice.number, bob.number, 30000),
    ("transfer", bob.number, carol.number, 60000),
    ("transfer", carol.number, alice.number, 70000),
    ("withdraw", alice2.number, 5001),
    ("withdraw", bob.number, -5),
    ("deposit", carol.number, 100),
    ("transfer", "AC9999", alice.number, 1),
    ("freeze", carol.number),
    ("transfer", bob.number, carol.number, 100),
    ("deposit", carol.number, 100),
]
for op in operations:
    try:
        if op[0] == "transfer":
            bank.transfer(*op[1:])
            result = "ok"
        elif op[0] == "withdraw":
            result = fmt_money(bank.accounts[op[1]].withdraw(op[2]))
        elif op[0] == "deposit":
            result = fmt_money(bank.accounts[op[1]].deposit(op[2]))
        elif op[0] == "freeze":
            bank.accounts[op[1]].frozen = True
            result = "frozen"
    except InsufficientFunds as e:
        result = "declined: %s" % e
    except (ValueError, AccountFrozen) as e:
        result = "%s: %s" % (type(e).__name__, e)
    except KeyError as e:
        result = "no such account %s" % e
    print(op[0], op[1:], "->", result)

print("month end:", bank.month_end())
print("month end:", bank.month_end())
for acct in sorted(bank.accounts.values()):
    print("%-8s %-6s %-9s %12s" % (acct.number, acct.owner, acct.kind, fmt_money(acct.balance)))
print("total", fmt_money(bank.total()))
print(bank.by_owner())
for number, kind, kinds in bank.statements():
    print(number, kind, kinds)
print(alice.history[:3])
print(len(bank.log), bank.log[0], bank.log[-1])
print(alice == bank.accounts[alice.number], alice == bob, len({alice, bob, alice}))
richest = max(bank.accounts.values())
print("richest:", richest.owner, fmt_money(richest.balance))
print([fmt_money(c) for c in (0, 5, 99, 100, 123456789, -250)])
