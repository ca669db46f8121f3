// trame's web app: one script for every page, reading the JSON API under
// /api/. Every piece of text from the store goes into the page through
// textContent or attributes set with setAttribute, never as HTML, so
// labels and sentences holding markup are shown as written.
'use strict';

(function () {
  const main = document.getElementById('main');
  const KIND_NAMES = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other', CONCEPT: 'concept', VAL: 'value' };
  const KIND_COLOURS = { PER: '#4e79a7', ORG: '#f28e2b', LOC: '#59a14f', MISC: '#9c755f', CONCEPT: '#b07aa1', VAL: '#8c8c8c' };
  const ENTITY_KINDS = ['PER', 'ORG', 'LOC', 'MISC'];

  // The page of a node, by its kind: entities and concepts have one, values
  // and IRIs the store does not describe have none.
  function pageOf(iri, kind) {
    if (!iri) return null;
    if (kind === 'CONCEPT') return '/concept?' + query({ iri });
    if (ENTITY_KINDS.includes(kind)) return '/entity?' + query({ iri });
    return null;
  }

  // Builds an element: h('a', {href: '/x', class: 'y'}, 'text', child, [more]).
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function show(...children) {
    main.replaceChildren();
    append(main, children);
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== null && item !== undefined && item !== '') search.append(key, item);
      }
    }
    return search.toString();
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) throw new Error((body && body.error) || response.status + ' ' + response.statusText);
    return body;
  }

  function failed(error) {
    show(h('p', { class: 'error' }, String(error.message || error)));
  }

  function plural(count, word) {
    return count + ' ' + word + (count === 1 ? '' : 's');
  }

  function kindBadge(kind) {
    return h('span', { class: 'kind ' + kind, title: KIND_NAMES[kind] || kind }, KIND_NAMES[kind] || kind);
  }

  function entityLink(end) {
    const page = pageOf(end.iri, end.kind);
    if (!page) return h('span', { class: end.iri ? 'node' : 'value', title: end.iri || null }, end.label);
    return h('a', { href: page, class: end.kind === 'CONCEPT' ? 'concept' : null }, end.label);
  }

  // The facts of an entity or a concept, grouped by predicate.
  function factGroups(groups) {
    return groups.map((group) => h('section', { class: 'group', 'data-predicate': group.predicate },
      h('h2', {}, group.predicate, h('span', { class: 'muted' }, ' · ' + group.facts.length)),
      h('ol', { class: 'facts' }, group.facts.map((fact) => h('li', { class: 'fact', 'data-statement': fact.statement },
        h('div', { class: 'triple' }, entityLink(fact.subject), h('span', { class: 'predicate' }, '—' + fact.predicate + '→'),
          entityLink(fact.object)),
        h('blockquote', { class: 'sentence' }, highlighted(fact.sentence, fact.highlights)),
        h('div', { class: 'meta' },
          h('a', { href: '/document?' + query({ iri: fact.document.iri }) }, fact.document.title),
          fact.document.date ? h('span', { class: 'date' }, 'dated ' + fact.document.date) : null,
          fact.document.date_added ? h('span', {}, 'added ' + fact.document.date_added.slice(0, 10)) : null,
          h('span', {}, 'confidence ' + fact.confidence.toFixed(2)),
          h('span', {}, 'lemma ' + fact.lemma + ' · rule ' + fact.rule),
          flags(fact)))))));
  }

  // `text` with the character ranges ([start, end) in code points) marked.
  function highlighted(text, ranges) {
    const chars = Array.from(text);
    const out = [];
    let at = 0;
    for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
      const s = Math.max(at, Math.min(start, chars.length));
      const e = Math.min(end, chars.length);
      if (s >= e) continue;
      out.push(chars.slice(at, s).join(''));
      out.push(h('mark', {}, chars.slice(s, e).join('')));
      at = e;
    }
    out.push(chars.slice(at).join(''));
    return out;
  }

  function flags(fact) {
    return [
      fact.negated && h('span', { class: 'flag negated', title: 'the text denies this' }, 'negated'),
      fact.hypothetical && h('span', { class: 'flag hypothetical', title: 'conditional or possible, not asserted' }, 'hypothetical'),
      fact.reported && h('span', { class: 'flag reported', title: 'someone in the text says so' }, 'reported'),
    ];
  }

  function describe(fact) {
    const marks = ['negated', 'hypothetical', 'reported'].filter((f) => fact[f]);
    return fact.subject.label + ' —' + fact.predicate + '→ ' + fact.object.label +
      ' (confidence ' + fact.confidence.toFixed(2) + (marks.length ? ', ' + marks.join(', ') : '') + ')';
  }

  // ---- search box with autocompletion --------------------------------
  function setupSearch() {
    const input = document.getElementById('search');
    const list = document.getElementById('suggestions');
    let items = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    function close() { list.hidden = true; list.replaceChildren(); items = []; active = -1; }
    function pick(item) { window.location.href = '/entity?' + query({ iri: item.iri }); }
    function mark(index) {
      active = index;
      Array.from(list.children).forEach((li, i) => li.classList.toggle('active', i === active));
    }
    async function suggest() {
      const typed = input.value.trim();
      if (!typed) { close(); return; }
      const ticket = ++asked;
      let found;
      try { found = await api('/api/search?' + query({ q: typed, limit: 8 })); } catch (e) { close(); return; }
      if (ticket !== asked) return;
      items = found;
      list.replaceChildren();
      found.forEach((item, index) => {
        const alias = item.matched !== item.label ? h('span', { class: 'alias' }, '(' + item.matched + ')') : null;
        list.appendChild(h('li', {
          class: 'suggestion', role: 'option', 'data-iri': item.iri,
          onmousedown: (event) => { event.preventDefault(); pick(item); },
          onmousemove: () => mark(index),
        }, h('span', { class: 'label' }, item.label), alias, kindBadge(item.kind)));
      });
      if (!found.length) list.appendChild(h('li', { class: 'muted' }, 'No entity matches'));
      list.hidden = false;
      active = -1;
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && items.length) { event.preventDefault(); mark((active + 1) % items.length); }
      else if (event.key === 'ArrowUp' && items.length) { event.preventDefault(); mark((active - 1 + items.length) % items.length); }
      else if (event.key === 'Enter' && items.length) { event.preventDefault(); pick(items[Math.max(active, 0)]); }
      else if (event.key === 'Escape') close();
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
  }

  // ---- overview ------------------------------------------------------
  async function overview() {
    const [status, documents] = await Promise.all([api('/api/status'), api('/api/documents')]);
    show(
      h('h1', {}, 'The knowledge graph'),
      h('div', { class: 'card stats' },
        h('div', {}, String(status.documents), h('span', {}, 'documents')),
        h('div', {}, String(status.entities), h('span', {}, 'entities')),
        h('div', {}, String(status.facts), h('span', {}, 'facts'))),
      h('p', { class: 'muted' }, 'Type a name in the search box to open its page, or ask the graph in ',
        h('a', { href: '/editor' }, 'SPARQL'), '. The view is read from ', status.store,
        ' and refreshed when the store changes (checked every ' + status.refresh_seconds + ' s).'),
      h('h2', {}, 'Documents'),
      h('ul', { class: 'documents' }, documents.map((doc) => h('li', {},
        h('a', { href: '/document?' + query({ iri: doc.iri }) }, doc.title),
        h('span', { class: 'muted' }, (doc.date ? ' · dated ' + doc.date : '') + ' · added ' + doc.date_added.slice(0, 10))))),
    );
  }

  // ---- entity page ---------------------------------------------------
  async function entityPage(iri) {
    const page = await api('/api/entity?' + query({ iri }));
    document.title = page.label + ' · trame';
    const factCount = page.groups.reduce((n, g) => n + g.facts.length, 0);
    show(
      h('h1', { id: 'entity-label' }, page.label, ' ', kindBadge(page.kind)),
      page.aliases.length ? h('p', { class: 'aliases' }, h('strong', {}, 'Also written: '), page.aliases.join(' · ')) : null,
      page.roles.length ? h('p', { class: 'roles' }, h('strong', {}, 'Roles: '), page.roles.join(' · ')) : null,
      h('p', { class: 'muted' }, plural(page.mentions, 'mention') + ' in ' + plural(page.documents, 'document') + ' · ' + plural(factCount, 'fact') + ' · ',
        h('a', { id: 'graph-link', href: '/graph?' + query({ iri: page.iri }) }, 'graph view'), ' · ',
        h('span', { class: 'iri' }, page.iri)),
      page.truncated ? h('p', { class: 'muted' }, 'Only the first facts are shown (the page row cap).') : null,
      page.groups.length ? null : h('p', { class: 'muted' }, 'No fact names this entity yet.'),
      factGroups(page.groups),
    );
  }

  // ---- concept page --------------------------------------------------
  // A concept is a document's own subject or object that no named entity
  // covers ("les manifestants"): its label, document, head noun and facts.
  async function conceptPage(iri) {
    const page = await api('/api/concept?' + query({ iri }));
    document.title = page.label + ' · trame';
    const factCount = page.groups.reduce((n, g) => n + g.facts.length, 0);
    show(
      h('h1', { id: 'concept-label' }, page.label, ' ', kindBadge(page.kind)),
      h('p', { class: 'muted' }, 'A concept of one document: something the text talks about that names no person, ',
        'place or organisation on its own.'),
      h('p', { class: 'concept-facts' },
        h('strong', {}, 'Document: '), h('a', { id: 'concept-document', href: '/document?' + query({ iri: page.document.iri }) }, page.document.title),
        page.head ? [' · ', h('strong', {}, 'head noun: '), page.head] : null,
        page.named_entity ? [' · ', h('strong', {}, 'names: '), entityLink(page.named_entity)] : null),
      h('p', { class: 'muted' }, plural(factCount, 'fact') + ' · ',
        h('a', { id: 'graph-link', href: '/graph?' + query({ iri: page.iri }) }, 'graph view'), ' · ',
        h('span', { class: 'iri' }, page.iri)),
      page.truncated ? h('p', { class: 'muted' }, 'Only the first facts are shown (the page row cap).') : null,
      factGroups(page.groups),
    );
  }

  // ---- document page -------------------------------------------------
  async function documentPage(iri) {
    const doc = await api('/api/document?' + query({ iri }));
    document.title = doc.title + ' · trame';
    const tip = h('div', { class: 'tip', hidden: true });
    const paragraphs = [];
    let paragraph = null;
    let previousEnd = null;
    for (const sentence of doc.sentences) {
      if (paragraph === null || sentence.start - previousEnd > 1) {
        paragraph = h('p', {});
        paragraphs.push(paragraph);
      } else {
        paragraph.appendChild(document.createTextNode(' '));
      }
      previousEnd = sentence.end;
      append(paragraph, [sentenceWithFacts(sentence, doc.facts, tip)]);
    }
    show(
      h('h1', {}, doc.title),
      h('p', { class: 'muted' }, (doc.date ? 'dated ' + doc.date + ' · ' : '') + 'added ' + doc.date_added.slice(0, 10) + ' · ' + doc.facts.length +
        ' facts (highlighted; hover one to see it)'),
      h('article', { class: 'card article' }, paragraphs),
      h('h2', {}, 'Facts'),
      h('ol', { class: 'facts' }, doc.facts.map((fact) => h('li', { class: 'fact' },
        h('div', { class: 'triple' }, entityLink(fact.subject), h('span', { class: 'predicate' }, '—' + fact.predicate + '→'),
          entityLink(fact.object)),
        h('div', { class: 'meta' }, h('span', {}, 'confidence ' + fact.confidence.toFixed(2)),
          h('span', {}, 'characters ' + fact.start + '–' + fact.end), flags(fact))))),
      tip,
    );
  }

  // One sentence, cut where fact spans start and end; covered pieces are marked.
  function sentenceWithFacts(sentence, facts, tip) {
    const chars = Array.from(sentence.text);
    const begin = sentence.start;
    const end = begin + chars.length;
    const inside = facts.filter((f) => f.start < end && f.end > begin);
    const cuts = new Set([begin, end]);
    for (const f of inside) { cuts.add(Math.max(f.start, begin)); cuts.add(Math.min(f.end, end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const piece = chars.slice(s - begin, e - begin).join('');
      const covering = inside.filter((f) => f.start <= s && f.end >= e);
      if (!covering.length) { out.push(piece); continue; }
      const text = covering.map(describe).join('\n');
      out.push(h('mark', {
        class: 'fact-span' + (covering.every((f) => f.negated) ? ' negated' : ''),
        'data-facts': String(covering.length),
        title: text,
        onmouseenter: (event) => { tip.textContent = text; tip.hidden = false; place(tip, event); },
        onmousemove: (event) => place(tip, event),
        onmouseleave: () => { tip.hidden = true; },
      }, piece));
    }
    return out;
  }

  function place(tip, event) {
    tip.style.left = Math.min(event.clientX + 14, window.innerWidth - 460) + 'px';
    tip.style.top = (event.clientY + 16) + 'px';
  }

  // ---- graph view ----------------------------------------------------
  async function graphPage(params) {
    const iri = params.get('iri');
    const depth = params.get('depth') || '1';
    const minConfidence = params.get('min_confidence') || '0';
    const kinds = params.getAll('kind');
    const predicates = params.getAll('predicate');
    const filter = { iri, depth, min_confidence: minConfidence, kind: kinds, predicate: predicates };
    const graph = await api('/api/graph?' + query(filter));
    const centre = graph.nodes.find((n) => n.id === graph.centre);
    document.title = 'Graph of ' + centre.label + ' · trame';
    const form = h('form', { class: 'card controls', method: 'get', action: '/graph' },
      h('input', { type: 'hidden', name: 'iri', value: iri }),
      h('label', {}, 'Depth ', h('select', { name: 'depth' },
        ['1', '2'].map((d) => h('option', { value: d, selected: d === depth }, d)))),
      h('label', {}, 'Confidence ≥ ', h('input', { type: 'number', name: 'min_confidence', min: 0, max: 1, step: 0.05, value: minConfidence })),
      h('fieldset', { class: 'kinds' }, h('legend', {}, 'Types'),
        Object.keys(KIND_NAMES).map((k) => h('label', { 'data-kind': k },
          h('input', { type: 'checkbox', name: 'kind', value: k, checked: !kinds.length || kinds.includes(k) }),
          ' ', h('span', { class: 'swatch', style: 'background:' + KIND_COLOURS[k] }), ' ' + KIND_NAMES[k] + ' '))),
      h('label', {}, 'Predicates ', h('select', { name: 'predicate', multiple: true },
        graph.predicates.map((p) => h('option', { value: p, selected: predicates.includes(p) }, p)))),
      h('button', { type: 'submit' }, 'Apply'),
    );
    const downloads = h('p', { class: 'downloads' },
      'Download this view: ',
      h('button', { type: 'button', class: 'secondary', id: 'png-button' }, 'PNG (as shown)'),
      h('a', { href: '/api/graph.svg?' + query(filter) }, 'SVG'),
      h('a', { href: '/api/graph.png?' + query(filter) }, 'PNG (trame export)'),
      h('a', { href: '/api/graph.dot?' + query(filter) }, 'DOT'),
      h('a', { href: '/api/graph.csv?' + query(filter) }, 'CSV'));
    const box = h('div', { id: 'cy' });
    const centrePage = pageOf(graph.centre, centre.kind);
    show(
      h('h1', {}, 'Around ', centrePage ? h('a', { href: centrePage }, centre.label) : centre.label, ' ', kindBadge(centre.kind)),
      h('p', { class: 'muted', id: 'graph-summary' }, graph.nodes.length + ' nodes, ' + graph.edges.length + ' facts' +
        (graph.truncated ? ' (cut at the node limit)' : '') + '. Click an entity or a concept to centre the view on it.'),
      form, downloads, box,
    );
    const elements = graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, centre: n.depth === 0 ? 1 : 0 } }))
      .concat(graph.edges.map((e) => ({
        data: { id: e.id, source: e.source, target: e.target, label: e.predicate },
        classes: [e.negated && 'negated', e.hypothetical && 'hypothetical'].filter(Boolean).join(' '),
      })));
    const cy = cytoscape({
      container: box,
      elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          'background-color': '#999999', label: 'data(label)', color: '#1d232b',
          'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 160,
          width: 18, height: 18 } },
        ...Object.entries(KIND_COLOURS).map(([kind, colour]) => ({ selector: 'node[kind = "' + kind + '"]', style: { 'background-color': colour } })),
        { selector: 'node[kind = "VAL"]', style: { shape: 'round-rectangle', width: 12, height: 12 } },
        { selector: 'node[kind = "CONCEPT"]', style: { shape: 'diamond' } },
        { selector: 'node[centre = 1]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#1d232b', 'font-weight': 'bold' } },
        { selector: 'edge', style: {
          width: 1.5, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', 'target-arrow-shape': 'triangle',
          'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#5f6b7a', 'text-rotation': 'autorotate',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1 } },
        { selector: 'edge.negated', style: { 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'line-style': 'dashed' } },
        { selector: 'edge.hypothetical', style: { 'line-style': 'dotted' } },
      ],
      layout: { name: graph.nodes.length > 1 ? 'cose' : 'grid', animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 140, nodeOverlap: 40, gravity: 0.6, numIter: 2000, padding: 30 },
    });
    // Entities and concepts recentre the view; values and IRIs without a page do nothing.
    cy.on('tap', 'node', (event) => {
      const node = event.target;
      if (pageOf(node.id(), node.data('kind')) && node.id() !== graph.centre) {
        window.location.href = '/graph?' + query(Object.assign({}, filter, { iri: node.id() }));
      }
    });
    document.getElementById('png-button').addEventListener('click', () => {
      const blob = cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
      const link = h('a', { href: URL.createObjectURL(blob), download: 'graph.png' });
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
    window.trameGraph = cy;
    box.setAttribute('data-nodes', String(cy.nodes().length));
    box.setAttribute('data-ready', '1');
  }

  // ---- SPARQL editor -------------------------------------------------
  async function editorPage() {
    document.title = 'SPARQL · trame';
    const examples = await api('/api/queries');
    const area = h('textarea', { id: 'query', spellcheck: 'false', 'aria-label': 'SPARQL query' });
    area.value = examples.length ? examples[0].text : 'SELECT * WHERE { ?s ?p ?o } LIMIT 10';
    const picker = h('select', { id: 'examples', onchange: () => {
      const found = examples.find((e) => e.name === picker.value);
      if (found) area.value = found.text;
    } }, examples.map((e) => h('option', { value: e.name }, e.name + ' — ' + e.title)));
    const csvForm = h('form', { method: 'post', action: '/api/query', id: 'csv-form' },
      h('input', { type: 'hidden', name: 'format', value: 'csv' }),
      h('input', { type: 'hidden', name: 'query', value: '' }));
    const output = h('div', { id: 'output' });
    const run = h('button', { type: 'button', id: 'run' }, 'Run');
    const download = h('button', { type: 'button', class: 'secondary', id: 'csv' }, 'Download CSV (all rows)');
    download.addEventListener('click', () => { csvForm.elements.query.value = area.value; csvForm.submit(); });
    run.addEventListener('click', () => runQuery(area.value, output));
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runQuery(area.value, output); }
    });
    show(
      h('h1', {}, 'SPARQL'),
      h('p', { class: 'muted' }, 'Prefixes trame, rdf, rdfs, owl, xsd, skos, schema and prov are predeclared; without FROM the ',
        'default graph is the union of every document. Ctrl+Enter runs. Examples come from queries/.'),
      h('p', {}, h('label', {}, 'Example: ', picker)),
      area,
      h('p', {}, run, ' ', download),
      csvForm,
      output,
    );
  }

  async function runQuery(text, output) {
    output.replaceChildren(h('p', { class: 'muted' }, 'Running…'));
    const started = performance.now();
    let response;
    try {
      response = await fetch('/api/query', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: query({ query: text }),
      });
    } catch (error) {
      output.replaceChildren(h('p', { class: 'error' }, String(error)));
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok) {
      const body = await response.text();
      let message = body;
      try { message = JSON.parse(body).error || body; } catch (e) { /* plain text */ }
      output.replaceChildren(h('p', { class: 'error', id: 'query-error' }, response.status + ': ' + message.trim()));
      return;
    }
    if (!type.startsWith('application/sparql-results+json')) {
      const body = await response.text();
      output.replaceChildren(h('p', { class: 'muted' }, 'RDF (N-Triples), ' + seconds + ' s'), h('pre', { id: 'triples' }, body));
      return;
    }
    const data = await response.json();
    if ('boolean' in data) {
      output.replaceChildren(h('p', { id: 'boolean' }, 'Answer: ' + data.boolean + ' (' + seconds + ' s)'));
      return;
    }
    const cap = Number(response.headers.get('X-Trame-Row-Cap'));
    const vars = data.head.vars;
    const rows = data.results.bindings;
    // A document's IRI, or the document owning a sentence, statement,
    // mention or time expression IRI minted under it; null otherwise.
    const owningDocument = (iri) => {
      const m = /^(https:\/\/w3id\.org\/trame\/doc\/[^/#?]+)/.exec(iri);
      return m ? m[1] : null;
    };
    const cell = (binding) => {
      if (!binding) return h('td', { class: 'muted' }, '');
      if (binding.type === 'uri') {
        const short = binding.value.replace(/^.*[#/](?=[^#/]+$)/, '');
        const doc = owningDocument(binding.value);
        return h('td', { title: binding.value },
          binding.value.includes('/entity/') ? h('a', { href: '/entity?' + query({ iri: binding.value }) }, short)
            : binding.value.includes('/concept/') ? h('a', { href: '/concept?' + query({ iri: binding.value }) }, short)
            : doc ? h('a', { href: '/document?' + query({ iri: doc }) }, short) : short);
      }
      return h('td', {}, binding.value);
    };
    output.replaceChildren(
      h('p', { class: 'muted', id: 'row-count' }, rows.length + ' rows in ' + seconds + ' s' +
        (cap && rows.length >= cap ? ' (the page shows at most ' + cap + '; the CSV download has them all)' : '')),
      h('div', { class: 'results-wrap' }, h('table', { id: 'results' },
        h('thead', {}, h('tr', {}, vars.map((v) => h('th', {}, v)))),
        h('tbody', {}, rows.map((row) => h('tr', {}, vars.map((v) => cell(row[v]))))))),
    );
  }

  // ---- routes --------------------------------------------------------
  setupSearch();
  const params = new URLSearchParams(window.location.search);
  const routes = {
    '/': () => overview(),
    '/entity': () => entityPage(params.get('iri')),
    '/concept': () => conceptPage(params.get('iri')),
    '/document': () => documentPage(params.get('iri')),
    '/graph': () => graphPage(params),
    '/editor': () => editorPage(),
  };
  const route = routes[window.location.pathname];
  (route ? route() : Promise.reject(new Error('No such page'))).catch(failed);
})();
