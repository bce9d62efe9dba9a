// Everyday pattern subjects that CLDR's emoji names lack, each mapped by hand to the motif a
// shopper would accept for it ("ferns" → herb, "corgis" → dog), or, where no motif is a fair
// stand-in, to a few close motifs to suggest instead, so nothing wrong is drawn and the word is
// not misread as a typo of another ("figs" is not fog, "seahorses" not a key).
// English singular forms; the parser tries plurals against them.

/** Word → the motif it stands for. */
export const MOTIF_SYNONYMS: Record<string, string> = {
  // plants and flowers
  fern: 'herb', eucalyptus: 'herb', greenery: 'herb', botanical: 'herb', sprig: 'herb', ivy: 'herb', vine: 'herb', foliage: 'leaf-fluttering-in-wind', monstera: 'leaf-fluttering-in-wind',
  wildflower: 'blossom', 'wild flower': 'blossom', bloom: 'blossom', daffodil: 'blossom', magnolia: 'blossom', petal: 'blossom',
  peony: 'rose', poppy: 'hibiscus', orchid: 'hibiscus', lavender: 'hyacinth',
  pine: 'evergreen-tree', 'pine tree': 'evergreen-tree', fir: 'evergreen-tree', forest: 'evergreen-tree', woods: 'evergreen-tree', woodland: 'evergreen-tree', jungle: 'palm-tree',
  acorn: 'chestnut', 'olive branch': 'olive', twig: 'herb', branch: 'herb',
  // a lily pad is a water lily's leaf; the lotus is the water lily drawn
  'lily pad': 'lotus', 'water lily': 'lotus',
  // animals
  hummingbird: 'bird', sparrow: 'bird', robin: 'bird', swallow: 'bird', finch: 'bird', bluebird: 'bird', songbird: 'bird', seagull: 'bird', gull: 'bird', toucan: 'parrot', macaw: 'parrot',
  corgi: 'dog', dachshund: 'dog', pug: 'dog', labrador: 'dog', terrier: 'dog', beagle: 'dog', husky: 'dog', retriever: 'dog', chihuahua: 'dog', doggy: 'dog', doggo: 'dog',
  rentier: 'deer', renne: 'deer', reno: 'deer', lamb: 'ewe', sheep: 'ewe', fawn: 'deer', stag: 'deer', doe: 'deer', reindeer: 'deer', pony: 'horse', foal: 'horse', piglet: 'pig-face', calf: 'cow-face', duckling: 'duck', hen: 'chicken', caterpillar: 'bug', orca: 'whale', cheetah: 'leopard',
  // things
  seashell: 'spiral-shell', shell: 'spiral-shell', raindrop: 'droplet', drop: 'droplet', campfire: 'fire', bonfire: 'fire', flame: 'fire',
  honeycomb: 'honey-pot', arch: 'rainbow', senior: 'graduation-cap', graduate: 'graduation-cap', grad: 'graduation-cap',
  // compound names whose words alone name other things ("fire" + "truck", "paper" + "plane")
  'fire truck': 'fire-engine', 'rocket ship': 'rocket', spaceship: 'rocket', 'space ship': 'rocket', 'paper plane': 'airplane', 'paper airplane': 'airplane',
  'rubber duck': 'duck', 'rubber ducky': 'duck', 'rain drop': 'droplet', 'yarn ball': 'yarn', 'ball of yarn': 'yarn', 'sea turtle': 'turtle',
  'ice cream cone': 'soft-ice-cream', 'bowling pin': 'bowling', 'chess piece': 'chess-pawn', 'tennis racket': 'tennis', 'tennis racquet': 'tennis',
  'vintage car': 'automobile', 'classic car': 'automobile', 'old car': 'automobile', 'retro car': 'automobile', 'old timer': 'automobile', oldtimer: 'automobile',
  cassette: 'videocassette', 'cassette tape': 'videocassette', mixtape: 'videocassette', 'golf ball': 'flag-in-hole', 'sushi roll': 'sushi', 'maki roll': 'sushi',
  paw: 'paw-prints', pawprint: 'paw-prints', 'paw print': 'paw-prints',
  campervan: 'minibus', 'camper van': 'minibus', camper: 'minibus', van: 'minibus', bow: 'ribbon', lips: 'kiss-mark', lip: 'kiss-mark', kiss: 'kiss-mark',
  constellation: 'star', starburst: 'sparkles', glitter: 'sparkles', sunburst: 'sun', smiley: 'smiling-face-with-smiling-eyes', 'smiley face': 'smiling-face-with-smiling-eyes', teddy: 'teddy-bear', lantern: 'red-paper-lantern',
  snowmen: 'snowman', gingerbread: 'cookie', biscuit: 'cookie',
  // dots are round: a circle to tint, not the "diamond with a dot" symbol or a giraffe's spots
  dot: 'orange-circle', 'polka dot': 'orange-circle', polkadot: 'orange-circle', 'polka-dot': 'orange-circle', spot: 'orange-circle', 'polka dots': 'orange-circle',
};

/** Words with no fair stand-in → close motifs to suggest. */
export const NO_STAND_IN: Record<string, string[]> = {
  lighthouse: ['sailboat', 'anchor', 'water-wave'],
  axolotl: ['lizard', 'frog', 'tropical-fish'],
  starfish: ['spiral-shell', 'coral', 'tropical-fish'],
  seahorse: ['tropical-fish', 'spiral-shell', 'octopus'],
  narwhal: ['spouting-whale', 'dolphin', 'unicorn'],
  macaron: ['cookie', 'cupcake', 'doughnut'],
  popsicle: ['soft-ice-cream', 'ice-cream', 'shaved-ice'],
  pinecone: ['evergreen-tree', 'chestnut', 'maple-leaf'],
  acorn: ['chestnut', 'maple-leaf', 'evergreen-tree'],
  'pine cone': ['evergreen-tree', 'chestnut', 'maple-leaf'],
  'candy cane': ['candy', 'christmas-tree', 'wrapped-gift'],
  mistletoe: ['christmas-tree', 'herb', 'wrapped-gift'],
  holly: ['christmas-tree', 'herb', 'wrapped-gift'],
  ornament: ['christmas-tree', 'wrapped-gift', 'star'],
  bauble: ['christmas-tree', 'wrapped-gift', 'star'],
  wreath: ['christmas-tree', 'wrapped-gift', 'herb'],
  cauldron: ['jack-o-lantern', 'ghost', 'bat'],
  dragonfly: ['butterfly', 'honeybee', 'lady-beetle'],
  moth: ['butterfly', 'lady-beetle', 'honeybee'],
  pomegranate: ['red-apple', 'cherries', 'strawberry'],
  fig: ['pear', 'red-apple', 'grapes'],
  horseshoe: ['horse', 'four-leaf-clover', 'star'],
  tarot: ['crystal-ball', 'crescent-moon', 'sparkles'],
  lily: ['tulip', 'lotus', 'blossom'],
  vinyl: ['optical-disk', 'musical-notes', 'radio'],
  'vinyl record': ['optical-disk', 'musical-notes', 'radio'],
  'hot air balloon': ['balloon', 'parachute', 'cloud'],
  'fish bone': ['fish', 'bone', 'cat'],
  fishbone: ['fish', 'bone', 'cat'],
  'party hat': ['partying-face', 'balloon', 'birthday-cake'],
  'ice floe': ['ice', 'penguin', 'water-wave'],
  'paper crane': ['bird', 'dove', 'scroll'],
  'origami crane': ['bird', 'dove', 'scroll'],
};
