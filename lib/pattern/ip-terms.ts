// Names the store will not put on a product: trademarked characters and brands, and real
// people. Matched as whole words after lower-casing; the reason is shown to the shopper. Words
// that are also ordinary words (puma, joker, amazon, coach, a first name alone) are left out.
export type IpReason = 'character' | 'brand' | 'person';

const CHARACTERS = [
  'mickey mouse', 'minnie mouse', 'mickey', 'minnie', 'donald duck', 'goofy', 'disney', 'pixar', 'frozen elsa', 'simba', 'winnie the pooh', 'pooh bear',
  'pikachu', 'pokemon', 'pokémon', 'charmander', 'bulbasaur', 'squirtle', 'eevee', 'hello kitty', 'sanrio', 'kuromi', 'my melody', 'snoopy', 'peanuts gang', 'garfield',
  'spongebob', 'patrick star', 'sonic the hedgehog', 'super mario', 'mario bros', 'luigi', 'princess peach', 'yoshi', 'zelda', 'link zelda', 'kirby', 'donkey kong', 'pac-man', 'pacman',
  'spider-man', 'spiderman', 'batman', 'superman', 'wonder woman', 'iron man', 'captain america', 'hulk', 'avengers', 'marvel', 'dc comics', 'harley quinn', 'deadpool', 'wolverine',
  'star wars', 'darth vader', 'yoda', 'baby yoda', 'grogu', 'stormtrooper', 'harry potter', 'hogwarts', 'gryffindor', 'slytherin', 'hermione', 'lord of the rings', 'gandalf', 'hobbit',
  'barbie', 'lego', 'minecraft', 'fortnite', 'roblox', 'among us', 'paw patrol', 'peppa pig', 'bluey', 'cocomelon', 'teletubbies', 'sesame street', 'elmo', 'cookie monster', 'muppets', 'kermit',
  'shrek', 'minions', 'toy story', 'buzz lightyear', 'woody toy story', 'cars lightning mcqueen', 'the simpsons', 'simpsons', 'bart simpson', 'homer simpson', 'rick and morty', 'family guy',
  'naruto', 'one piece', 'dragon ball', 'goku', 'sailor moon', 'totoro', 'studio ghibli', 'attack on titan', 'demon slayer', 'my little pony', 'care bears', 'smurfs', 'tintin', 'asterix', 'moomin',
  'miffy', 'paddington', 'peter rabbit', 'thomas the tank engine', 'godzilla', 'transformers', 'teenage mutant ninja turtles', 'ninja turtles', 'scooby doo', 'tom and jerry', 'looney tunes', 'bugs bunny',
];

const BRANDS = [
  'nike', 'swoosh', 'just do it', 'adidas', 'reebok', 'under armour', 'new balance', 'off-white', 'stussy', 'the north face', 'patagonia', 
  'gucci', 'louis vuitton', 'chanel', 'prada', 'hermes', 'hermès', 'dior', 'versace', 'burberry', 'fendi', 'balenciaga', 'givenchy', 'ysl', 'yves saint laurent', 'armani', 'ralph lauren', 'lacoste', 'tommy hilfiger', 'calvin klein', 'michael kors', 'moschino', 'bape',
  'coca-cola', 'coca cola', 'pepsi', 'red bull', 'starbucks', 'mcdonalds', "mcdonald's", 'burger king', 'kfc', 'nutella', 'heinz', 'budweiser', 'heineken', 'jack daniels', "jack daniel's",
  'apple logo', 'iphone logo', 'google', 'microsoft', 'windows logo', 'facebook', 'instagram', 'tiktok', 'twitter', 'youtube', 'netflix', 'spotify', 'playstation', 'xbox', 'nintendo', 'sega', 'atari',
  'ferrari', 'porsche', 'lamborghini', 'bmw', 'audi', 'tesla', 'harley davidson', 'harley-davidson', 'jeep', 'nasa logo', 'nfl', 'nba', 'mlb', 'fifa', 'real madrid', 'barcelona fc', 'manchester united', 'juventus', 'lakers', 'yankees',
];

const PEOPLE = [
  'taylor swift', 'beyonce', 'beyoncé', 'rihanna', 'kanye', 'kanye west', 'kim kardashian', 'elon musk', 'donald trump', 'joe biden', 'biden', 'obama', 'barack obama', 'putin', 'queen elizabeth', 'king charles',
  'harry styles', 'justin bieber', 'ariana grande', 'billie eilish', 'lady gaga', 'madonna', 'elvis', 'elvis presley', 'michael jackson', 'marilyn monroe', 'the beatles', 'beatles', 'bts', 'blackpink', 'bad bunny', 'shakira',
  'messi', 'lionel messi', 'ronaldo', 'cristiano ronaldo', 'lebron', 'lebron james', 'michael jordan', 'air jordan', 'serena williams', 'einstein', 'albert einstein', 'frida kahlo', 'keanu reeves', 'brad pitt', 'tom cruise',
];

const TERMS: [string, IpReason][] = [...CHARACTERS.map((t) => [t, 'character'] as [string, IpReason]), ...BRANDS.map((t) => [t, 'brand'] as [string, IpReason]), ...PEOPLE.map((t) => [t, 'person'] as [string, IpReason])];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${TERMS.map(([t]) => escape(t)).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const REASON = new Map(TERMS);

export const IP_MESSAGES: Record<IpReason, (term: string) => string> = {
  character: (t) => `We can't print "${t}": it is a copyrighted and trademarked character. Describe your own idea instead (for example "cartoon mouse with red shorts" becomes your own design).`,
  brand: (t) => `We can't print "${t}": it is a trademark or logo that belongs to someone else. Describe the look you want without the brand name.`,
  person: (t) => `We can't print "${t}": we don't put real people's names or likeness on products without their permission.`,
};

/** Every protected name in the prompt, with why it is refused. */
export function findIpTerms(prompt: string): { term: string; reason: IpReason; message: string }[] {
  const out: { term: string; reason: IpReason; message: string }[] = [];
  for (const m of prompt.toLowerCase().normalize('NFKC').matchAll(PATTERN)) {
    const reason = REASON.get(m[1])!;
    if (!out.some((o) => o.term === m[1])) out.push({ term: m[1], reason, message: IP_MESSAGES[reason](m[1]) });
  }
  return out;
}
