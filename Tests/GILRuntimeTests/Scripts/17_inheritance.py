class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"

class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []
    def add_trick(self, trick):
        self.tricks.append(trick)
    def kind(self):
        return "dog, a kind of " + super().kind()

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"

a = Animal("generic")
d = Dog("rex")
d.add_trick("sit")
p = Puppy("bit")
for x in [a, d, p]:
    print(x.speak(), "|", x.kind())
print(d.tricks, p.tricks)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal))
print(type(p).__name__, Puppy.__name__)

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s

print(Square(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
