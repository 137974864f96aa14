//! Package-level variable initialisation order (go/types' initorder.go):
//! dependencies recorded while declarations are checked, then each
//! initializer after those of the variables it depends on.

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
        // Emit each initializer after the initializers of the variables it
        // depends on (transitively through functions), in declaration order.
        let inits = std::mem::take(&mut self.pending_inits);
        let mut by_var: HashMap<ObjId, usize> = HashMap::new();
        for (i, init) in inits.iter().enumerate() {
            for &o in &init.lhs {
                by_var.insert(o, i);
            }
        }
        let mut done = vec![false; inits.len()];
        let mut visiting = vec![false; inits.len()];
        let mut out = Vec::new();
        for i in 0..inits.len() {
            self.visit_init(i, &inits, &by_var, &mut done, &mut visiting, &mut out);
        }
        self.info.init_order = out.into_iter().map(|i| inits[i].clone()).collect();
    }

    pub(crate) fn visit_init(
        &mut self,
        i: usize,
        inits: &[Initializer],
        by_var: &HashMap<ObjId, usize>,
        done: &mut [bool],
        visiting: &mut [bool],
        out: &mut Vec<usize>,
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
        // Collect variable dependencies through functions.
        let mut seen = HashSet::new();
        let mut stack: Vec<ObjId> = inits[i]
            .lhs
            .iter()
            .flat_map(|o| self.deps.get(o).cloned().unwrap_or_default())
            .collect();
        let mut var_deps = Vec::new();
        while let Some(d) = stack.pop() {
            if !seen.insert(d) {
                continue;
            }
            if by_var.contains_key(&d) {
                var_deps.push(d);
            } else if let Some(ds) = self.deps.get(&d) {
                stack.extend(ds.iter().copied());
            }
        }
        var_deps.sort();
        for d in var_deps {
            let j = by_var[&d];
            if j != i {
                self.visit_init(j, inits, by_var, done, visiting, out);
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
        if !done[i] {
            done[i] = true;
            out.push(i);
        }
    }
}
