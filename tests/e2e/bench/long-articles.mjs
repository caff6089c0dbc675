// Two invented long news articles for the comparison benchmark and the comparison e2e test
// (issue 14): ordinary paragraphs of sentences with names and figures, about half of the
// sentences shared between the two (some with a changed figure), the rest distinct. Deterministic
// for a seed.

export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('council harbour ferry island timetable vote crossing evening winter commuters operator crew ' +
  'budget report minister talks agreement border river valley growers harvest library readers school ' +
  'hospital nurses strike wages railway station bridge repairs storm flood warning police court judge ' +
  'election candidate mayor district museum exhibition festival market prices fuel shortage').split(' ');
const NAMES = ['Mira Castellan', 'Anton Reyes', 'Lena Okafor', 'Sofia Marr', 'Tamsin Vale', 'Gull Island', 'Portvale',
  'the Harbour Authority', 'the Growers Association', 'Judge Ilse Brandt'];

/** One invented sentence: a name, a verb of saying, words, a figure. */
function sentence(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  const figure = `${1 + Math.floor(rand() * 900)} ${pick(['people', 'tonnes', 'crossings', 'jobs', 'days'])}`;
  return `${pick(NAMES)} said the ${words.join(' ')} involved ${figure}.`;
}

/** Two articles of about `size` bytes; about half of the sentences shared (some with a changed figure). */
export function articles(size, seed) {
  const rand = random(seed);
  const a = [];
  const b = [];
  let bytes = 0;
  while (bytes < size) {
    const paragraphA = [];
    const paragraphB = [];
    for (let i = 0; i < 4; i++) {
      const s = sentence(rand);
      const r = rand();
      if (r < 0.35) {
        paragraphA.push(s);
        paragraphB.push(s);
      } else if (r < 0.5) {
        paragraphA.push(s);
        paragraphB.push(s.replace(/\d+/, (d) => String(Number(d) + 1)));
      } else {
        paragraphA.push(s);
        paragraphB.push(sentence(rand));
      }
    }
    a.push(paragraphA.join(' '));
    b.push(paragraphB.join(' '));
    bytes += a[a.length - 1].length;
  }
  return {
    'harbour-a.txt': `Harbour Council Weighs Winter Ferry Plan\n\nBy Mira Castellan\n\nPortvale: ${a.join('\n\n')}\n`,
    'harbour-b.txt': `Council Debates Gull Island Ferry Plan\n\nBy Lena Okafor\n\nPortvale: ${b.join('\n\n')}\n`,
  };
}

