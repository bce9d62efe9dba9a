# Renders the store's default try-on model: a mannequin-like figure in a plain white tee and
# jeans, front view, studio light, on a light grey backdrop. Every part is built here from
# primitives and skin-modifier skeletons, so the picture is the store's own work (no scanned
# person, no third-party asset).
#
#   blender -b --factory-startup -P scripts/tryon/render-default-model.py -- public/tryon/models/mannequin.png [samples]
#
# Made with Debian's blender 3.4.1 (Cycles on the CPU).
import math
import sys

import bpy

argv = sys.argv[sys.argv.index('--') + 1:] if '--' in sys.argv else []
OUT = argv[0] if argv else '/tmp/mannequin.png'
SAMPLES = int(argv[1]) if len(argv) > 1 else 96

bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene


def material(name, rgb, rough=0.6, sheen=0.0):
    m = bpy.data.materials.new(name)
    m.use_nodes = True
    p = m.node_tree.nodes['Principled BSDF']
    p.inputs['Base Color'].default_value = (*rgb, 1)
    p.inputs['Roughness'].default_value = rough
    p.inputs['Specular'].default_value = 0.3
    p.inputs['Sheen'].default_value = sheen
    return m


SKIN = material('skin', (0.72, 0.5, 0.38), 0.5)
TEE = material('tee', (0.86, 0.86, 0.85), 0.95, sheen=0.4)
JEANS = material('jeans', (0.05, 0.08, 0.17), 0.9)
HAIR = material('hair', (0.06, 0.035, 0.02), 0.45)
DARK = material('eyes', (0.02, 0.02, 0.02), 0.2)
LIPS = material('lips', (0.45, 0.2, 0.18), 0.5)
SHOE = material('shoes', (0.12, 0.1, 0.09), 0.4)
BACKDROP = material('backdrop', (0.42, 0.43, 0.44), 0.9)


def skin_mesh(name, verts, edges, radii, mat, subdiv=2):
    """A smooth tube body from a skeleton: each vertex gets an elliptical radius (x, y)."""
    me = bpy.data.meshes.new(name)
    me.from_pydata(verts, edges, [])
    ob = bpy.data.objects.new(name, me)
    scene.collection.objects.link(ob)
    ob.modifiers.new('skin', 'SKIN')
    for i, r in enumerate(radii):
        me.skin_vertices[0].data[i].radius = r
    me.skin_vertices[0].data[0].use_root = True
    sub = ob.modifiers.new('sub', 'SUBSURF')
    sub.levels = subdiv
    sub.render_levels = subdiv
    ob.data.materials.append(mat)
    for poly in me.polygons:
        poly.use_smooth = True
    return ob


def ellipsoid(name, loc, scale, mat, segs=48):
    bpy.ops.mesh.primitive_uv_sphere_add(segments=segs, ring_count=segs // 2, location=loc)
    ob = bpy.context.active_object
    ob.name = name
    ob.scale = scale
    ob.data.materials.append(mat)
    bpy.ops.object.shade_smooth()
    return ob


# Body under the clothes: neck, arms, hands (the figure faces -Y, Z up, metres)
arm = lambda s: [(s * 0.16, 0, 1.41), (s * 0.235, 0.01, 1.16), (s * 0.275, -0.01, 0.93)]
verts = [(0, 0, 1.05), (0, 0, 1.30), (0, 0, 1.43), (0, 0, 1.54)] + arm(1) + arm(-1)
edges = [(0, 1), (1, 2), (2, 3), (1, 4), (4, 5), (5, 6), (1, 7), (7, 8), (8, 9)]
radii = [(0.14, 0.09), (0.15, 0.09), (0.055, 0.055), (0.05, 0.05), (0.05, 0.05), (0.04, 0.04), (0.03, 0.026), (0.05, 0.05), (0.04, 0.04), (0.03, 0.026)]
skin_mesh('body', verts, edges, radii, SKIN)
for s in (1, -1):
    ellipsoid(f'hand{s}', (s * 0.282, -0.01, 0.86), (0.035, 0.022, 0.07), SKIN, 24)

# Head, hair and a simple face
ellipsoid('head', (0, 0, 1.63), (0.088, 0.1, 0.118), SKIN)
ellipsoid('hair', (0, 0.024, 1.665), (0.094, 0.098, 0.106), HAIR)
for s in (1, -1):
    ellipsoid(f'eye{s}', (s * 0.033, -0.09, 1.64), (0.011, 0.008, 0.008), DARK, 16)
    ellipsoid(f'brow{s}', (s * 0.034, -0.09, 1.665), (0.018, 0.006, 0.004), HAIR, 16)
    ellipsoid(f'ear{s}', (s * 0.088, 0.005, 1.625), (0.012, 0.018, 0.028), SKIN, 16)
ellipsoid('nose', (0, -0.103, 1.61), (0.012, 0.014, 0.02), SKIN, 16)
ellipsoid('mouth', (0, -0.091, 1.57), (0.022, 0.008, 0.006), LIPS, 16)

# The tee: torso and short sleeves, a little wider than the body, with soft folds
tee_verts = [(0, 0, 0.92), (0, 0, 1.12), (0, 0, 1.30), (0, 0, 1.41), (0.165, 0.0, 1.415), (0.215, 0.005, 1.265), (-0.165, 0.0, 1.415), (-0.215, 0.005, 1.265)]
tee_edges = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (3, 6), (6, 7)]
tee_radii = [(0.185, 0.125), (0.172, 0.118), (0.19, 0.125), (0.16, 0.1), (0.07, 0.068), (0.064, 0.062), (0.07, 0.068), (0.064, 0.062)]
tee = skin_mesh('tee', tee_verts, tee_edges, tee_radii, TEE, subdiv=3)
folds = bpy.data.textures.new('folds', 'CLOUDS')
folds.noise_scale = 0.09
folds.noise_depth = 1
disp = tee.modifiers.new('folds', 'DISPLACE')
disp.texture = folds
disp.strength = 0.012
disp.mid_level = 0.5

# Jeans: waist, hips, legs
leg = lambda s: [(s * 0.09, 0, 0.84), (s * 0.1, 0.005, 0.5), (s * 0.1, 0.01, 0.1)]
j_verts = [(0, 0, 1.02), (0, 0, 0.93)] + leg(1) + leg(-1)
j_edges = [(0, 1), (1, 2), (2, 3), (3, 4), (1, 5), (5, 6), (6, 7)]
j_radii = [(0.16, 0.108), (0.17, 0.11), (0.095, 0.095), (0.068, 0.068), (0.056, 0.056), (0.095, 0.095), (0.068, 0.068), (0.056, 0.056)]
skin_mesh('jeans', j_verts, j_edges, j_radii, JEANS, subdiv=3)
for s in (1, -1):
    ellipsoid(f'shoe{s}', (s * 0.1, -0.04, 0.04), (0.05, 0.12, 0.045), SHOE, 24)

# Backdrop: a floor curving up into a wall behind the figure
bpy.ops.mesh.primitive_plane_add(size=8, location=(0, 1.2, 0))
floor = bpy.context.active_object
floor.data.materials.append(BACKDROP)
bpy.ops.mesh.primitive_plane_add(size=8, location=(0, 1.2, 4), rotation=(math.pi / 2, 0, 0))
wall = bpy.context.active_object
wall.data.materials.append(BACKDROP)

# Studio light: a large soft key from the front left, a fill from the right, a rim from behind
def area(name, loc, rot, size, power):
    bpy.ops.object.light_add(type='AREA', location=loc, rotation=rot)
    light = bpy.context.active_object
    light.name = name
    light.data.size = size
    light.data.energy = power
    return light

area('key', (-1.4, -1.8, 2.2), (math.radians(55), 0, math.radians(-38)), 1.6, 150)
area('fill', (1.6, -1.6, 1.4), (math.radians(75), 0, math.radians(45)), 2.0, 45)
area('rim', (0.6, 1.0, 2.4), (math.radians(-35), 0, math.radians(160)), 1.0, 70)
scene.world = bpy.data.worlds.new('world')
scene.world.use_nodes = True
scene.world.node_tree.nodes['Background'].inputs['Color'].default_value = (0.5, 0.5, 0.5, 1)
scene.world.node_tree.nodes['Background'].inputs['Strength'].default_value = 0.15

# Camera: head to mid-thigh, portrait
bpy.ops.object.camera_add(location=(0, -2.3, 1.22), rotation=(math.radians(90), 0, 0))
cam = bpy.context.active_object
cam.data.lens = 55
scene.camera = cam

scene.render.engine = 'CYCLES'
scene.cycles.device = 'CPU'
scene.cycles.samples = SAMPLES
scene.cycles.use_denoising = True
try:
    scene.cycles.denoiser = 'OPENIMAGEDENOISE'
except TypeError:
    scene.cycles.use_denoising = False
scene.cycles.seed = 7
scene.render.resolution_x = 768
scene.render.resolution_y = 1024
scene.render.resolution_percentage = 100
scene.view_settings.view_transform = 'Filmic'
scene.view_settings.look = 'Medium Contrast'
scene.render.image_settings.file_format = 'PNG'
scene.render.image_settings.color_mode = 'RGB'
scene.render.filepath = OUT
bpy.ops.render.render(write_still=True)
print('wrote', OUT)
