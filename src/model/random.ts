/**
 * Counter-based random numbers for the Monte Carlo: the k-th standard normal of draw i under a
 * seed is a pure function of (seed, i, k), computed directly, with no generator state. So a
 * worker that simulates only some districts and subjects computes only the random numbers
 * those need, and still gets exactly the numbers a run of the whole region gives them.
 *
 * The hash is Chris Wellons' "lowbias32" integer finaliser (public domain), whose output bits
 * each depend on every input bit; uniforms take 32 bits, normals come from Box-Muller.
 */

function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The key of draw `drawIndex` under `seed`: every random number of the draw derives from it. */
export function drawKey(seed: number, drawIndex: number): number {
  return mix32(mix32(seed ^ 0x9e3779b9) + drawIndex);
}

/** Uniform in (0, 1), never 0 or 1 (so its logarithm is finite), for counter `counter`. */
export function drawUniform(key: number, counter: number): number {
  return (mix32(key ^ mix32(counter + 0x632be5ab)) + 0.5) / 4294967296;
}

const TWO_PI = 2 * Math.PI;

/**
 * Standard normal number `stream` of the draw with this key. Streams 2j and 2j + 1 are the two
 * halves of one Box-Muller pair (cosine and sine of the same uniforms), which are independent.
 */
export function drawNormal(key: number, stream: number): number {
  const pair = stream >>> 1;
  const radius = Math.sqrt(-2 * Math.log(drawUniform(key, 2 * pair)));
  const angle = TWO_PI * drawUniform(key, 2 * pair + 1);
  return (stream & 1) === 0 ? radius * Math.cos(angle) : radius * Math.sin(angle);
}

/**
 * Normals firstStream .. firstStream + count - 1 of the draw into `into[0 .. count - 1]`, each
 * equal to drawNormal's, at half the cost: both halves of every pair from one pair of uniforms.
 */
export function fillNormals(
  key: number,
  firstStream: number,
  count: number,
  into: Float64Array,
): void {
  let stream = firstStream;
  const end = firstStream + count;
  if ((stream & 1) === 1 && stream < end) {
    into[0] = drawNormal(key, stream);
    stream++;
  }
  for (; stream + 1 < end; stream += 2) {
    const radius = Math.sqrt(-2 * Math.log(drawUniform(key, stream)));
    const angle = TWO_PI * drawUniform(key, stream + 1);
    into[stream - firstStream] = radius * Math.cos(angle);
    into[stream + 1 - firstStream] = radius * Math.sin(angle);
  }
  if (stream < end) into[stream - firstStream] = drawNormal(key, stream);
}

/**
 * A sequential seeded generator of uniforms in [0, 1) for fixtures that are drawn once in
 * order (synthetic benchmark problems, illustrative hub schools): d3-random's randomLcg, the
 * same numbers for the same seed, without a UI library in the pure core. A seed in [0, 1) is
 * scaled to 32 bits, as randomLcg does.
 */
export function sequentialUniforms(seed: number): () => number {
  let state = (seed >= 0 && seed < 1 ? seed * 4294967296 : Math.abs(seed)) | 0;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) | 0;
    return (state >>> 0) / 4294967296;
  };
}
