// English prose for the embedded sample: sentences composed from templates and a few hundred words
// of vocabulary with a seeded PRNG. The text is meant to pass FineWeb-style Gopher/C4 filters
// (stop words, sentences ending in punctuation, ordinary word lengths, little repetition) and to
// be varied enough to train a tiny tokenizer and model on.

import type { Rng } from './sample-prng.ts';

export interface Topic {
  name: string;
  nouns: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { name: 'gardening', nouns: ['garden', 'seed', 'tomato', 'rose', 'soil', 'shovel', 'greenhouse', 'hedge', 'orchard', 'compost', 'root', 'leaf', 'bean', 'pumpkin', 'meadow', 'fence', 'flower', 'harvest', 'weed', 'sprout', 'vine', 'herb', 'potato', 'apple tree'] },
  { name: 'cooking', nouns: ['recipe', 'kitchen', 'oven', 'sauce', 'bread', 'onion', 'pan', 'knife', 'soup', 'spice', 'butter', 'dough', 'salad', 'dinner', 'breakfast', 'pepper', 'cheese', 'noodle', 'flavor', 'chef', 'skillet', 'pastry', 'lemon', 'garlic clove'] },
  { name: 'travel', nouns: ['journey', 'train', 'station', 'ticket', 'hotel', 'harbor', 'island', 'passport', 'suitcase', 'village', 'mountain', 'river', 'ferry', 'map', 'border', 'museum', 'bridge', 'coast', 'guide', 'trail', 'market', 'cathedral', 'valley', 'airport'] },
  { name: 'history', nouns: ['castle', 'empire', 'treaty', 'king', 'queen', 'archive', 'battle', 'chronicle', 'monastery', 'colony', 'dynasty', 'manuscript', 'ruin', 'century', 'merchant', 'guild', 'parliament', 'revolution', 'fortress', 'scholar', 'letter', 'harbor town', 'coin', 'statue'] },
  { name: 'technology', nouns: ['computer', 'network', 'server', 'program', 'database', 'screen', 'keyboard', 'browser', 'battery', 'sensor', 'robot', 'chip', 'algorithm', 'cable', 'laptop', 'update', 'password', 'printer', 'camera', 'signal', 'antenna', 'compiler', 'protocol', 'device'] },
  { name: 'sport', nouns: ['team', 'match', 'coach', 'player', 'stadium', 'goal', 'league', 'season', 'referee', 'trophy', 'runner', 'race', 'ball', 'bicycle', 'swimmer', 'tournament', 'captain', 'fan', 'record', 'medal', 'training plan', 'pitch', 'helmet', 'marathon'] },
  { name: 'science', nouns: ['experiment', 'laboratory', 'theory', 'planet', 'molecule', 'telescope', 'sample', 'cell', 'galaxy', 'fossil', 'crystal', 'magnet', 'microscope', 'climate', 'glacier', 'volcano', 'species', 'particle', 'measurement', 'researcher', 'comet', 'enzyme', 'orbit', 'hypothesis'] },
  { name: 'finance', nouns: ['budget', 'loan', 'bank', 'market', 'investor', 'salary', 'savings account', 'tax', 'price', 'mortgage', 'share', 'fund', 'invoice', 'pension', 'credit', 'interest rate', 'account', 'wallet', 'receipt', 'debt', 'insurance', 'contract', 'profit', 'expense'] },
  { name: 'health', nouns: ['doctor', 'patient', 'clinic', 'vitamin', 'exercise', 'heart', 'sleep', 'diet', 'nurse', 'medicine', 'muscle', 'walk', 'habit', 'hospital', 'symptom', 'therapy', 'breath', 'posture', 'meal', 'checkup', 'bone', 'stretch', 'fever', 'routine'] },
  { name: 'music', nouns: ['song', 'guitar', 'piano', 'concert', 'melody', 'drummer', 'album', 'choir', 'violin', 'orchestra', 'singer', 'rhythm', 'festival', 'chord', 'record player', 'composer', 'stage', 'lyric', 'band', 'trumpet', 'rehearsal', 'studio', 'ballad', 'audience'] },
  { name: 'pets', nouns: ['dog', 'cat', 'puppy', 'kitten', 'leash', 'collar', 'veterinarian', 'parrot', 'aquarium', 'rabbit', 'hamster', 'kennel', 'treat', 'toy', 'blanket', 'walk', 'groomer', 'tortoise', 'horse', 'saddle', 'barn', 'paw', 'tail', 'whistle'] },
  { name: 'home', nouns: ['house', 'roof', 'window', 'kitchen table', 'staircase', 'wall', 'floor', 'lamp', 'carpet', 'door', 'shelf', 'garage', 'attic', 'basement', 'chimney', 'curtain', 'sofa', 'bedroom', 'drill', 'hammer', 'paint', 'tile', 'pipe', 'heater'] },
];

const NOUNS = [
  'idea', 'question', 'answer', 'problem', 'reason', 'result', 'change', 'family', 'friend', 'neighbor', 'city', 'town', 'country', 'school', 'teacher', 'student', 'book', 'story', 'picture', 'plan',
  'morning', 'evening', 'weekend', 'winter', 'summer', 'spring', 'autumn', 'road', 'street', 'corner', 'office', 'company', 'worker', 'manager', 'customer', 'visitor', 'community', 'library', 'newspaper', 'letter',
  'method', 'system', 'process', 'detail', 'feature', 'lesson', 'mistake', 'chance', 'choice', 'decision', 'effort', 'habit', 'memory', 'opinion', 'project', 'report', 'rule', 'season', 'surface', 'task',
  'tool', 'version', 'window', 'world', 'year', 'moment', 'minute', 'hour', 'week', 'month', 'level', 'amount', 'number', 'area', 'region', 'island', 'forest', 'lake', 'field', 'farm',
];

const ADJECTIVES = [
  'small', 'large', 'quiet', 'busy', 'simple', 'careful', 'bright', 'dark', 'warm', 'cold', 'early', 'late', 'modern', 'ancient', 'local', 'foreign', 'useful', 'strange', 'common', 'rare',
  'gentle', 'heavy', 'light', 'narrow', 'wide', 'fresh', 'old', 'young', 'patient', 'clever', 'honest', 'steady', 'sudden', 'gradual', 'practical', 'familiar', 'curious', 'reliable', 'cheap', 'expensive',
  'difficult', 'easy', 'important', 'popular', 'private', 'public', 'regular', 'serious', 'short', 'long', 'tiny', 'huge', 'green', 'golden', 'silver', 'wooden', 'northern', 'southern', 'eastern', 'western',
  'dusty', 'muddy', 'rainy', 'sunny', 'windy', 'peaceful', 'noisy', 'crowded', 'empty', 'humble', 'proud', 'friendly', 'clumsy', 'elegant', 'solid', 'fragile', 'hidden', 'open', 'original', 'typical',
];

const EVAL_ADJECTIVES = ['worth it', 'not always easy', 'surprisingly simple', 'often necessary', 'a good idea', 'rarely a mistake', 'quite hard', 'more pleasant than expected', 'usually wise', 'tempting'];

/** base / past; the third person singular is derived. */
const VERBS = [
  'build/built', 'carry/carried', 'choose/chose', 'clean/cleaned', 'collect/collected', 'compare/compared', 'cover/covered', 'describe/described', 'discover/discovered', 'explain/explained',
  'find/found', 'follow/followed', 'fix/fixed', 'gather/gathered', 'help/helped', 'improve/improved', 'keep/kept', 'leave/left', 'lift/lifted', 'measure/measured',
  'mend/mended', 'move/moved', 'notice/noticed', 'open/opened', 'paint/painted', 'plan/planned', 'prepare/prepared', 'protect/protected', 'reach/reached', 'repair/repaired',
  'replace/replaced', 'share/shared', 'show/showed', 'sort/sorted', 'study/studied', 'support/supported', 'test/tested', 'track/tracked', 'trust/trusted', 'visit/visited',
  'watch/watched', 'write/wrote', 'bring/brought', 'sell/sold', 'buy/bought', 'change/changed', 'check/checked', 'design/designed', 'enjoy/enjoyed', 'join/joined',
  'lend/lent', 'love/loved', 'need/needed', 'order/ordered', 'place/placed', 'question/questioned', 'read/read', 'remember/remembered', 'test/tested', 'wash/washed',
];

const ADVERBS = [
  'slowly', 'quickly', 'carefully', 'quietly', 'often', 'rarely', 'usually', 'gently', 'easily', 'finally', 'suddenly', 'gradually', 'openly', 'happily', 'patiently', 'nearly always', 'once again', 'every day', 'in silence', 'by hand',
];

const PREPOSITIONS = ['near', 'behind', 'beside', 'under', 'above', 'across', 'around', 'inside', 'outside', 'along', 'through', 'toward', 'beyond', 'without', 'after', 'before', 'during', 'against', 'within', 'among'];

const PLACES = [
  'Bristol', 'Lyon', 'Porto', 'Tampere', 'Galway', 'Utrecht', 'Krakow', 'Bergen', 'Dundee', 'Ghent', 'Halifax', 'Ottawa', 'Denver', 'Austin', 'Boise', 'Perth', 'Hobart', 'Dunedin', 'Nelson', 'Cork',
  'Aberdeen', 'Malmo', 'Turin', 'Seville', 'Leeds', 'Oxford', 'Salem', 'Tucson', 'Madison', 'Duluth', 'Quebec', 'Victoria', 'Windsor', 'Kent', 'Devon', 'the valley', 'the old town', 'the harbor', 'the coast', 'the hills',
];

const NAMES = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Frank', 'Grace', 'Henry', 'Iris', 'Jack', 'Karen', 'Leo', 'Maria', 'Noah', 'Olivia', 'Peter', 'Quinn', 'Rosa', 'Samuel', 'Tara',
  'Victor', 'Wendy', 'Yusuf', 'Zoe', 'Martha', 'Oscar', 'Hannah', 'Ivan', 'Julia', 'Kevin', 'Laura', 'Miguel', 'Nina', 'Omar', 'Paula', 'Ruth', 'Simon', 'Theo', 'Ursula', 'Walter',
];

const SURNAMES = ['Baker', 'Carter', 'Dawson', 'Ellis', 'Fisher', 'Garcia', 'Hughes', 'Ingram', 'Jensen', 'Keller', 'Lambert', 'Moreno', 'Nolan', 'Owens', 'Price', 'Reyes', 'Santos', 'Turner', 'Vance', 'Walsh'];

const TIMES = ['last year', 'in the spring', 'every winter', 'after the storm', 'before dawn', 'this week', 'for a decade', 'in recent years', 'at the end of the day', 'on most weekends', 'two years ago', 'since then', 'by the next morning', 'during the holidays', 'within a month'];

const OPENERS = ['However', 'In practice', 'Of course', 'At first', 'For this reason', 'In the end', 'Even so', 'As a result', 'Meanwhile', 'Surprisingly', 'Later', 'Still', 'On the other hand', 'In many cases', 'To be fair', 'Above all', 'Sometimes', 'In short'];

const QUANTS = ['many', 'several', 'a few', 'most', 'some', 'two', 'three', 'dozens of', 'hundreds of', 'countless', 'both', 'all the'];

const MODALS = ['can', 'could', 'should', 'will', 'would', 'may', 'might', 'must'];

const REASONS = ['because', 'since', 'although', 'while', 'even though', 'so that', 'unless', 'until', 'whenever', 'as long as'];

const IRREGULAR: Readonly<Record<string, string>> = { knife: 'knives', leaf: 'leaves', shelf: 'shelves', hypothesis: 'hypotheses', species: 'species', analysis: 'analyses' };

export function plural(noun: string): string {
  const parts = noun.split(' ');
  const last = parts[parts.length - 1] as string;
  let p: string;
  const irregular = IRREGULAR[last];
  if (irregular !== undefined) p = irregular;
  else if (/[^aeiou]y$/.test(last)) p = `${last.slice(0, -1)}ies`;
  else if (/(s|x|ch|sh)$/.test(last)) p = `${last}es`;
  else if (last === 'potato' || last === 'tomato' || last === 'volcano') p = `${last}es`;
  else p = `${last}s`;
  parts[parts.length - 1] = p;
  return parts.join(' ');
}

const third = (base: string): string =>
  /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : /(s|x|ch|sh|o)$/.test(base) ? `${base}es` : `${base}s`;

const article = (word: string): string => (/^[aeiou]/i.test(word) && !/^(us|uni|eu|one)/i.test(word) ? `an ${word}` : `a ${word}`);

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export interface Prose {
  sentence(): string;
  paragraph(min?: number, max?: number): string;
  title(): string;
  heading(): string;
  listItem(): string;
  comment(): string;
  noun(): string;
  person(): string;
  place(): string;
}

/** Prose about one topic; the topic's nouns dominate so documents differ from each other. */
export function createProse(rng: Rng, topic: Topic): Prose {
  const noun = (): string => (rng.chance(0.55) ? rng.pick(topic.nouns) : rng.pick(NOUNS));
  const adj = (): string => rng.pick(ADJECTIVES);
  const verb = (): [string, string] => rng.pick(VERBS).split('/') as [string, string];
  const name = (): string => (rng.chance(0.4) ? `${rng.pick(NAMES)} ${rng.pick(SURNAMES)}` : rng.pick(NAMES));
  const place = (): string => rng.pick(PLACES);
  const np = (): string => {
    switch (rng.int(0, 5)) {
      case 0:
        return `the ${adj()} ${noun()}`;
      case 1:
        return `${rng.pick(QUANTS)} ${plural(noun())}`;
      case 2:
        return `${article(noun())} of ${plural(noun())}`;
      case 3:
        return `their ${noun()}`;
      case 4:
        return `the ${noun()} with ${article(adj())} ${noun()}`;
      default:
        return `${article(adj())} ${noun()}`;
    }
  };
  const pp = (): string => {
    switch (rng.int(0, 2)) {
      case 0:
        return `${rng.pick(PREPOSITIONS)} the ${noun()}`;
      case 1:
        return `${rng.pick(PREPOSITIONS)} ${place()}`;
      default:
        return `${rng.pick(PREPOSITIONS)} ${article(adj())} ${noun()}`;
    }
  };
  const clause = (): string => {
    const [b, p] = verb();
    switch (rng.int(0, 3)) {
      case 0:
        return `the ${noun()} ${third(b)} ${np()}`;
      case 1:
        return `${name()} ${p} ${np()} ${rng.pick(TIMES)}`;
      case 2:
        return `we ${rng.pick(MODALS)} ${b} ${np()}`;
      default:
        return `${plural(noun())} ${b} ${np()} ${pp()}`;
    }
  };
  const templates: readonly (() => string)[] = [
    () => `The ${adj()} ${noun()} ${third(verb()[0])} ${np()} ${pp()}.`,
    () => `${rng.pick(OPENERS)}, ${rng.pick(QUANTS)} ${plural(noun())} ${verb()[0]} ${np()} ${rng.pick(REASONS)} ${clause()}.`,
    () => `In ${rng.int(1780, 2023)}, ${name()} ${verb()[1]} ${article(adj())} ${noun()} ${pp()}.`,
    () => `There are ${rng.pick(QUANTS)} ${adj()} ${plural(noun())} that ${verb()[0]} ${np()}.`,
    () => `Why do ${plural(noun())} ${verb()[0]} ${np()} ${pp()}?`,
    () => `${name()} told us that the ${noun()} ${verb()[1]} ${np()} ${rng.pick(TIMES)}.`,
    () => `It is ${rng.pick(EVAL_ADJECTIVES)} to ${verb()[0]} the ${noun()} ${rng.pick(ADVERBS)}, and ${plural(noun())} ${rng.pick(MODALS)} ${verb()[0]} ${np()}.`,
    () => `Most ${plural(noun())} have been ${adj()} ${rng.pick(TIMES)}, ${rng.pick(REASONS)} ${clause()}.`,
    () => `If you ${verb()[0]} ${np()}, the ${noun()} ${rng.pick(MODALS)} ${verb()[0]} ${np()}.`,
    () => `${rng.pick(OPENERS)}, the ${noun()} of ${place()} ${third(verb()[0])} ${np()} ${rng.pick(ADVERBS)}.`,
    () => `We ${verb()[1]} ${rng.int(2, 90)} ${plural(noun())} ${pp()} and ${verb()[1]} ${np()}.`,
    () => `The ${noun()} is ${adj()}, but the ${noun()} ${third(verb()[0])} ${np()}.`,
    () => `"You have to ${verb()[0]} ${np()} ${rng.pick(ADVERBS)}," said ${name()}.`,
    () => `Nobody knows whether the ${noun()} ${rng.pick(MODALS)} ${verb()[0]} ${np()} ${pp()}.`,
    () => `One ${adj()} ${noun()} ${third(verb()[0])} more ${plural(noun())} than ${rng.pick(QUANTS)} ${plural(noun())} ${pp()}.`,
    () => `${name()} and ${name()} ${verb()[1]} the ${noun()} ${pp()}, which ${verb()[1]} ${np()}.`,
    () => `For ${plural(noun())} ${pp()}, ${article(adj())} ${noun()} ${rng.pick(MODALS)} ${verb()[0]} ${np()}.`,
    () => `This ${noun()} ${third(verb()[0])} ${np()}; ${clause()}.`,
    () => `Have you ever tried to ${verb()[0]} ${np()} ${rng.pick(TIMES)}?`,
    () => `The answer depends on ${np()} and on how ${rng.pick(ADVERBS)} you ${verb()[0]} ${np()}.`,
    () => `According to ${name()}, ${clause()} ${rng.pick(REASONS)} ${clause()}.`,
    () => `${capitalize(rng.pick(TIMES))}, ${clause()}.`,
    () => `A ${adj()} ${noun()} and ${article(adj())} ${noun()} are not the same thing, ${rng.pick(REASONS)} ${clause()}.`,
    () => `Be ${adj()} with ${np()}, and do not ${verb()[0]} ${np()} ${pp()}!`,
  ];
  const sentence = (): string => capitalize(rng.pick(templates)());
  const paragraph = (min = 3, max = 6): string => {
    const n = rng.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(sentence());
    return out.join(' ');
  };
  const title = (): string => {
    switch (rng.int(0, 4)) {
      case 0:
        return `${capitalize(adj())} ${capitalize(plural(noun()))} and the ${capitalize(noun())} of ${place()}`;
      case 1:
        return `How to ${capitalize(verb()[0])} ${capitalize(article(adj()))} ${capitalize(noun())}`;
      case 2:
        return `${rng.int(3, 12)} Things I Learned About ${capitalize(plural(noun()))}`;
      case 3:
        return `Why ${capitalize(plural(noun()))} ${capitalize(verb()[0])} ${capitalize(plural(noun()))} in ${place()}`;
      default:
        return `A ${capitalize(adj())} Guide to ${capitalize(plural(noun()))}`;
    }
  };
  const heading = (): string => {
    switch (rng.int(0, 3)) {
      case 0:
        return `The ${capitalize(noun())} ${capitalize(pp())}`;
      case 1:
        return `${capitalize(verb()[0])} ${capitalize(np())}`;
      case 2:
        return `What ${name()} ${capitalize(verb()[1])}`;
      default:
        return `${capitalize(adj())} ${capitalize(plural(noun()))}`;
    }
  };
  const listItem = (): string => {
    switch (rng.int(0, 2)) {
      case 0:
        return `${capitalize(verb()[0])} ${np()} ${pp()}.`;
      case 1:
        return `Keep ${np()} ${rng.pick(ADVERBS)}.`;
      default:
        return `${capitalize(article(adj()))} ${noun()} for ${np()}`;
    }
  };
  const comment = (): string => {
    switch (rng.int(0, 4)) {
      case 0:
        return `Great post, thanks for sharing! I tried this with my ${noun()} and it worked.`;
      case 1:
        return `I disagree about the ${noun()}. ${sentence()}`;
      case 2:
        return `Thanks! ${sentence()}`;
      case 3:
        return `Does this also work for ${plural(noun())}?`;
      default:
        return `${sentence()} Cheers from ${place()}.`;
    }
  };
  return { sentence, paragraph, title, heading, listItem, comment, noun, person: name, place };
}

/** Encyclopedia-style prose: definitions, dates and figures rather than advice. */
// One block per line, as extracted web text is (a blank line between paragraphs would count as a
// duplicated line for the FineWeb-era Gopher repetition filter, which splits with str.splitlines).
export function encyclopediaArticle(rng: Rng): { title: string; text: string } {
  const topic = rng.pick(TOPICS);
  const prose = createProse(rng, topic);
  const subject = `${capitalize(rng.pick(ADJECTIVES))} ${capitalize(prose.noun())} of ${prose.place()}`;
  const year = rng.int(1200, 1990);
  const lead = [
    `The ${subject} is ${article(rng.pick(ADJECTIVES))} ${prose.noun()} known for its ${plural(prose.noun())} and its ${rng.pick(ADJECTIVES)} ${prose.noun()}.`,
    `It was first described in ${year} by ${prose.person()}, who ${rng.pick(VERBS).split('/')[1]} the ${prose.noun()} ${rng.pick(PREPOSITIONS)} ${prose.place()}.`,
    `By ${year + rng.int(10, 200)}, the ${prose.noun()} had spread to ${rng.int(2, 40)} regions, and it is still studied by ${plural(prose.noun())} and historians.`,
  ];
  const parts = [lead.join(' ') + ' ' + prose.paragraph(1, 3)];
  const sections = rng.int(2, 4);
  for (let s = 0; s < sections; s++) {
    parts.push(prose.heading());
    parts.push(prose.paragraph(3, 7));
    if (rng.chance(0.5)) parts.push(prose.paragraph(2, 5));
  }
  return { title: subject, text: parts.join('\n') };
}
