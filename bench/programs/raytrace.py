# ray tracer: spheres over a checkered plane, one point light, shadows and
# mirror reflections; vector maths through operator overloading on a small class.
# Checksum: per-channel sums of the rendered 8-bit image.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
WIDTH = max(8, int(360 * SCALE ** 0.5))
HEIGHT = WIDTH * 3 // 4
MAX_DEPTH = 4
EPS = 1e-6


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def unit(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def times(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre, radius, colour, mirror):
        self.centre = centre
        self.radius = radius
        self.colour = colour
        self.mirror = mirror

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPS:
            return t
        t = -b + root
        if t > EPS:
            return t
        return None

    def normal_at(self, p):
        return (p - self.centre).unit()

    def colour_at(self, p):
        return self.colour


class Plane:
    def __init__(self, point, normal, mirror):
        self.point = point
        self.normal = normal.unit()
        self.mirror = mirror

    def hit(self, ray):
        denom = ray.direction.dot(self.normal)
        if -EPS < denom < EPS:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPS else None

    def normal_at(self, p):
        return self.normal

    def colour_at(self, p):
        if (int(p.x * 0.5 + 1000) + int(p.z * 0.5 + 1000)) % 2 == 0:
            return Vec(0.9, 0.9, 0.9)
        return Vec(0.15, 0.15, 0.2)


class Scene:
    def __init__(self):
        self.objects = [
            Plane(Vec(0, -1, 0), Vec(0, 1, 0), 0.2),
            Sphere(Vec(0, 0.2, 6), 1.2, Vec(0.9, 0.2, 0.2), 0.4),
            Sphere(Vec(-2.2, -0.2, 7.5), 0.8, Vec(0.2, 0.9, 0.3), 0.1),
            Sphere(Vec(2.0, -0.4, 5.0), 0.6, Vec(0.2, 0.3, 0.95), 0.6),
            Sphere(Vec(0.8, 1.8, 9.0), 1.0, Vec(0.95, 0.85, 0.2), 0.0),
        ]
        self.light = Vec(-4.0, 6.0, 0.0)
        self.ambient = 0.12
        self.sky = Vec(0.35, 0.55, 0.85)

    def nearest(self, ray):
        best = None
        best_t = 1e30
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, p, to_light, dist):
        ray = Ray(p, to_light)
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            k = 0.5 * (ray.direction.y + 1.0)
            return self.sky * k + Vec(1, 1, 1) * (1.0 - k) * 0.3
        p = ray.at(t)
        n = obj.normal_at(p)
        base = obj.colour_at(p)
        to_light = self.light - p
        dist = to_light.length()
        to_light = to_light * (1.0 / dist)
        brightness = self.ambient
        spec = 0.0
        lambert = n.dot(to_light)
        if lambert > 0 and not self.in_shadow(p + n * 1e-4, to_light, dist):
            brightness += lambert * 0.85
            half = (to_light - ray.direction).unit()
            s = n.dot(half)
            if s > 0:
                spec = s ** 40
        colour = base * brightness + Vec(1, 1, 1) * spec
        if obj.mirror > 0 and depth < MAX_DEPTH:
            d = ray.direction
            refl = d - n * (2 * d.dot(n))
            bounce = self.trace(Ray(p + n * 1e-4, refl), depth + 1)
            colour = colour * (1 - obj.mirror) + bounce * obj.mirror
        return colour


def to_byte(v):
    if v <= 0:
        return 0
    if v >= 1:
        return 255
    return int(v * 255 + 0.5)


def render(scene, w, h):
    eye = Vec(0, 0.5, -1)
    sums = [0, 0, 0]
    rows = []
    for j in range(h):
        row_sum = 0
        for i in range(w):
            x = (i - w / 2) / w * 1.6
            y = (h / 2 - j) / w * 1.6
            c = scene.trace(Ray(eye, Vec(x, y, 1.0)), 0)
            r, g, b = to_byte(c.x), to_byte(c.y), to_byte(c.z)
            sums[0] += r
            sums[1] += g
            sums[2] += b
            row_sum += r * 3 + g * 5 + b * 7
        rows.append(row_sum)
    return sums, rows


def main():
    sums, rows = render(Scene(), WIDTH, HEIGHT)
    print("image %dx%d" % (WIDTH, HEIGHT))
    print("rgb sums", sums[0], sums[1], sums[2])
    h = 0
    for r in rows:
        h = (h * 31 + r) % 1000000007
    print("row hash", h)


main()
