//! Package-level variable initialisation order (go/types' initorder.go):
//! dependencies recorded while declarations are checked; a depth-first walk
//! reports cycles, a priority queue gives the order.

use std::collections::{HashMap, HashSet};


use crate::check::Checker;
use crate::objects::{ObjId, ObjKind};
use crate::Initializer;

impl<'a> Checker<'a> {
    /// Records that the current package-level declaration uses `o`.
    pub fn record_dep(&mut self, o: ObjId) {
        if let Some(cur) = self.cur_decl {
            let obj = self.objs.get(o);
            let global = matches!(obj.kind, ObjKind::Var { global: true, .. } | ObjKind::Func)
                && obj.pkg == self.pkg;
            if global {
                self.deps.entry(cur).or_default().push(o);
            }
        }
    }

    pub(crate) fn compute_init_order(&mut self) {
        let inits = std::mem::take(&mut self.pending_inits);
        let mut by_var: HashMap<ObjId, usize> = HashMap::new();
        for (i, init) in inits.iter().enumerate() {
            for &o in &init.lhs {
                by_var.insert(o, i);
            }
        }
        // The package-level variables each initializer uses, directly or
        // through functions.
        let reached: Vec<Vec<ObjId>> = inits.iter().map(|init| self.vars_reached(&init.lhs)).collect();
        // Initialization cycles: a depth-first walk reports them.
        let mut done = vec![false; inits.len()];
        let mut visiting = vec![false; inits.len()];
        for i in 0..inits.len() {
            self.visit_init(i, &inits, &reached, &by_var, &mut done, &mut visiting);
        }
        // The order is go/types': package-level variables are graph nodes
        // (with or without an initializer), edges are dependencies through
        // functions; repeatedly take the node with the fewest dependencies
        // left, the earliest declared among equals (object ids follow
        // declaration order), and emit its initializer (once for `a, b =
        // f()`). In a program without cycles that is the spec's "earliest
        // variable in declaration order that is ready for initialization".
        let mut deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::new();
        let mut nodes: Vec<ObjId> = Vec::new();
        for (init, reached) in inits.iter().zip(&reached) {
            for &v in &init.lhs {
                let d: HashSet<ObjId> = reached.iter().copied().filter(|d| !init.lhs.contains(d)).collect();
                nodes.extend(d.iter().copied());
                nodes.push(v);
                deps.insert(v, d);
            }
        }
        nodes.sort();
        nodes.dedup();
        let mut preds: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
        let mut ndeps: HashMap<ObjId, usize> = HashMap::new();
        for &n in &nodes {
            let d = deps.get(&n).map(|d| d.len()).unwrap_or(0);
            ndeps.insert(n, d);
            for &s in deps.get(&n).into_iter().flatten() {
                preds.entry(s).or_default().push(n);
            }
        }
        let mut queue: std::collections::BTreeSet<(usize, ObjId)> = nodes.iter().map(|&n| (ndeps[&n], n)).collect();
        let mut emitted = vec![false; inits.len()];
        let mut out = Vec::new();
        while let Some((_, n)) = queue.pop_first() {
            for &p in preds.get(&n).into_iter().flatten() {
                let k = ndeps[&p];
                if queue.remove(&(k, p)) {
                    ndeps.insert(p, k - 1);
                    queue.insert((k - 1, p));
                }
            }
            if let Some(&i) = by_var.get(&n) {
                if !emitted[i] {
                    emitted[i] = true;
                    out.push(i);
                }
            }
        }
        self.info.init_order = out.into_iter().map(|i| inits[i].clone()).collect();
    }

    /// The package-level variables the declarations of `objs` use,
    /// directly or through the functions they call.
    fn vars_reached(&self, objs: &[ObjId]) -> Vec<ObjId> {
        let mut seen = HashSet::new();
        let mut stack: Vec<ObjId> = objs.iter().flat_map(|o| self.deps.get(o).cloned().unwrap_or_default()).collect();
        let mut vars = Vec::new();
        while let Some(d) = stack.pop() {
            if !seen.insert(d) {
                continue;
            }
            if matches!(self.objs.get(d).kind, ObjKind::Var { .. }) {
                vars.push(d);
            } else if let Some(ds) = self.deps.get(&d) {
                stack.extend(ds.iter().copied());
            }
        }
        vars.sort();
        vars
    }

    /// Reports the initialization cycles through initializer `i`.
    fn visit_init(
        &mut self,
        i: usize,
        inits: &[Initializer],
        reached: &[Vec<ObjId>],
        by_var: &HashMap<ObjId, usize>,
        done: &mut [bool],
        visiting: &mut [bool],
    ) {
        if done[i] {
            return;
        }
        if visiting[i] {
            let o = inits[i].lhs[0];
            let obj = self.objs.get(o);
            let (pos, name) = (obj.pos, obj.name.clone());
            self.error(
                pos,
                format!(
                    "initialization cycle or initialization loop: {} refers to itself",
                    name
                ),
            );
            done[i] = true;
            return;
        }
        visiting[i] = true;
        for &d in &reached[i] {
            let Some(&j) = by_var.get(&d) else { continue };
            if j != i {
                self.visit_init(j, inits, reached, by_var, done, visiting);
            } else if !inits[i].lhs.contains(&d) {
                // dependency on a sibling in the same multi-assignment: fine
            } else {
                let obj = self.objs.get(d);
                let (pos, name) = (obj.pos, obj.name.clone());
                if !done[i] {
                    self.error(
                        pos,
                        format!("initialization cycle: {} refers to itself", name),
                    );
                }
            }
        }
        visiting[i] = false;
        done[i] = true;
    }
}
