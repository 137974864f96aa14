//! Labels and branch statements of one function body: a port of gc's
//! `checkBranches` (cmd/compile/internal/syntax/branches.go), which is
//! where gc's messages for these come from (types2 runs with
//! IgnoreBranchErrors). It catches misplaced break, continue and
//! fallthrough, bad labeled breaks and continues, unused, duplicate and
//! missing labels, and gotos jumping over variable declarations or into
//! blocks. It also records an object for every label (`Info::labels`).

use std::collections::HashMap;

use rgoc_syntax::{ast, AssignOp, Expr, ExprKind, NodeId, Pos, Stmt, StmtKind};

use crate::check::Checker;
use crate::objects::{ObjKind, Object};
use crate::types::ids;

/// What a labeled statement is, for labeled break and continue.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Labeled {
    For,
    Breakable, // switch, type switch, select
    Other,
}

struct Label {
    /// Block containing the declaration (index into `blocks`).
    parent: usize,
    /// The label's identifier (identifies the labeled statement).
    id: NodeId,
    pos: Pos,
    stmt: Labeled,
    used: bool,
}

struct Block {
    parent: Option<usize>,
    start: Pos,
    /// The labeled statement this block is the body of.
    lstmt: Option<NodeId>,
}

/// The innermost statement an unlabeled break refers to.
#[derive(Clone, Copy)]
enum Breaks {
    For,
    Select,
    /// A switch with this many clauses.
    Switch {
        type_switch: bool,
        clauses: usize,
    },
}

#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<Breaks>,
    continues: bool,
    /// Index of the clause of the immediately enclosing switch, or < 0.
    case_index: isize,
}

#[derive(Clone)]
struct Goto {
    id: NodeId,
    name: String,
    pos: Pos,
}

enum Enclosing {
    NotDefined,
    Invalid,
    Stmt(Labeled),
}

struct Branches<'c, 'a> {
    c: &'c mut Checker<'a>,
    labels: HashMap<String, Label>,
    blocks: Vec<Block>,
}

impl<'a> Checker<'a> {
    /// Checks the labels and branch statements of a function body.
    pub(crate) fn labels(&mut self, body: &ast::Block) {
        let mut b = Branches {
            c: self,
            labels: HashMap::new(),
            blocks: Vec::new(),
        };
        let targets = Targets {
            breaks: None,
            continues: false,
            case_index: -1,
        };
        let fwd = b.block_branches(None, targets, None, body.pos, &body.stmts);
        // Forward gotos left: the label is undefined or inside a block the
        // goto is not in.
        for g in fwd {
            if let Some(l) = b.labels.get_mut(&g.name) {
                l.used = true; // avoid "defined and not used"
                let start = b.blocks[l.parent].start;
                let msg = format!(
                    "goto {} jumps into block starting at {}",
                    g.name,
                    b.c.pos_str(start)
                );
                b.c.error(g.pos, msg);
            } else {
                b.c.error(g.pos, format!("label {} not defined", g.name));
            }
        }
        let mut unused: Vec<(Pos, String)> = b
            .labels
            .iter()
            .filter(|(_, l)| !l.used)
            .map(|(n, l)| (l.pos, n.clone()))
            .collect();
        unused.sort();
        for (p, n) in unused {
            b.c.error(p, format!("label {} defined and not used", n));
        }
    }
}

impl Branches<'_, '_> {
    fn declare(&mut self, block: usize, label: &ast::Ident, stmt: Labeled) {
        if let Some(alt) = self.labels.get(&label.name) {
            let msg = format!(
                "label {} already defined at {}",
                label.name,
                self.c.pos_str(alt.pos)
            );
            self.c.error(label.pos, msg);
            // The statement is still labeled (codegen needs the object).
            if let Some(&o) = self.c.info.labels.get(&alt.id) {
                self.c.info.labels.insert(label.id, o);
            }
            return;
        }
        let pkg = self.c.pkg.clone();
        let o = self.c.objs.add(Object::new(
            &label.name,
            ObjKind::Label,
            ids::INVALID,
            label.pos,
            &pkg,
        ));
        self.c.info.labels.insert(label.id, o);
        self.labels.insert(
            label.name.clone(),
            Label {
                parent: block,
                id: label.id,
                pos: label.pos,
                stmt,
                used: false,
            },
        );
    }

    /// Whether the label `name` is declared in `b` or an enclosing block.
    fn goto_target(&mut self, mut b: Option<usize>, name: &str) -> bool {
        if let Some(l) = self.labels.get_mut(name) {
            l.used = true; // even if it's not a valid target
            while let Some(i) = b {
                if l.parent == i {
                    return true;
                }
                b = self.blocks[i].parent;
            }
        }
        false
    }

    fn enclosing_target(&mut self, mut b: Option<usize>, name: &str) -> Enclosing {
        let Some(l) = self.labels.get_mut(name) else {
            return Enclosing::NotDefined;
        };
        l.used = true;
        while let Some(i) = b {
            if self.blocks[i].lstmt == Some(l.id) {
                return Enclosing::Stmt(l.stmt);
            }
            b = self.blocks[i].parent;
        }
        Enclosing::Invalid
    }

    /// Processes a block's statements; returns the unresolved forward gotos.
    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        lstmt: Option<NodeId>,
        start: Pos,
        body: &[Stmt],
    ) -> Vec<Goto> {
        let b = self.blocks.len();
        self.blocks.push(Block {
            parent,
            start,
            lstmt,
        });
        let mut var: Option<(Pos, String)> = None;
        let mut fwd: Vec<Goto> = Vec::new();
        let mut bad: Vec<NodeId> = Vec::new();
        // A fallthrough counts as last even before trailing empty statements.
        let n = body
            .iter()
            .rposition(|s| !matches!(s.kind, StmtKind::Empty))
            .map_or(0, |i| i + 1);
        for (index, stmt) in body[..n].iter().enumerate() {
            let mut lstmt: Option<NodeId> = None;
            let mut s = stmt;
            while let StmtKind::Labeled { label, stmt: inner } = &s.kind {
                if label.name != "_" {
                    self.declare(b, label, labeled_kind(inner));
                    // Resolve matching forward gotos.
                    let mut keep = Vec::new();
                    for g in fwd.drain(..) {
                        if g.name == label.name {
                            if let Some(l) = self.labels.get_mut(&label.name) {
                                l.used = true;
                            }
                            if let Some((vp, vn)) = &var {
                                if bad.contains(&g.id) {
                                    let msg = format!(
                                        "goto {} jumps over declaration of {} at {}",
                                        g.name,
                                        vn,
                                        self.c.pos_str(*vp)
                                    );
                                    self.c.error(g.pos, msg);
                                }
                            }
                        } else {
                            keep.push(g);
                        }
                    }
                    fwd = keep;
                    lstmt = Some(label.id);
                }
                s = inner;
            }
            let inner_block =
                |this: &mut Self, fwd: &mut Vec<Goto>, ctxt: Targets, start: Pos, body: &[Stmt]| {
                    let more = this.block_branches(Some(b), ctxt, lstmt, start, body);
                    fwd.extend(more);
                };
            match &s.kind {
                StmtKind::Decl(ast::Decl::Var(specs)) => {
                    if let Some(name) = specs.first().and_then(|sp| sp.names.first()) {
                        var = Some((name.pos, name.name.clone()));
                        bad = fwd.iter().map(|g| g.id).collect();
                    }
                }
                StmtKind::Assign {
                    lhs,
                    op: AssignOp::Define,
                    ..
                } => {
                    let names: Vec<String> = lhs.iter().map(|e| self.c.expr_string(e)).collect();
                    var = Some((define_op_pos(s.pos, lhs), names.join(", ")));
                    bad = fwd.iter().map(|g| g.id).collect();
                }
                StmtKind::Break(None) => {
                    if ctxt.breaks.is_none() {
                        self.c
                            .error(s.pos, "break is not in a loop, switch, or select");
                    }
                }
                StmtKind::Continue(None) => {
                    if !ctxt.continues {
                        self.c.error(s.pos, "continue is not in a loop");
                    }
                }
                StmtKind::Fallthrough => {
                    let mut msg = Some("fallthrough statement out of place");
                    if let Some(Breaks::Switch {
                        type_switch,
                        clauses,
                    }) = ctxt.breaks
                    {
                        if type_switch {
                            msg = Some("cannot fallthrough in type switch");
                        } else if ctxt.case_index < 0 || index + 1 < n {
                            // nested in a block or not the last statement
                        } else if ctxt.case_index as usize + 1 == clauses {
                            msg = Some("cannot fallthrough final case in switch");
                        } else {
                            msg = None; // fallthrough ok
                        }
                    }
                    if let Some(m) = msg {
                        self.c.error(s.pos, m);
                    }
                }
                StmtKind::Break(Some(l)) => match self.enclosing_target(Some(b), &l.name) {
                    Enclosing::Stmt(Labeled::For | Labeled::Breakable) => {}
                    Enclosing::Stmt(Labeled::Other) | Enclosing::Invalid => self
                        .c
                        .error(l.pos, format!("invalid break label {}", l.name)),
                    Enclosing::NotDefined => self
                        .c
                        .error(l.pos, format!("break label not defined: {}", l.name)),
                },
                StmtKind::Continue(Some(l)) => match self.enclosing_target(Some(b), &l.name) {
                    Enclosing::Stmt(Labeled::For) => {}
                    Enclosing::Stmt(_) | Enclosing::Invalid => self
                        .c
                        .error(l.pos, format!("invalid continue label {}", l.name)),
                    Enclosing::NotDefined => self
                        .c
                        .error(l.pos, format!("continue label not defined: {}", l.name)),
                },
                StmtKind::Goto(l) => {
                    if !self.goto_target(Some(b), &l.name) {
                        // The label may be declared later.
                        fwd.push(Goto {
                            id: l.id,
                            name: l.name.clone(),
                            pos: l.pos,
                        });
                    }
                }
                StmtKind::Block(blk) => {
                    let inner = Targets {
                        case_index: -1,
                        ..ctxt
                    };
                    inner_block(self, &mut fwd, inner, blk.pos, &blk.stmts);
                }
                StmtKind::If { then, els, .. } => {
                    let inner = Targets {
                        case_index: -1,
                        ..ctxt
                    };
                    inner_block(self, &mut fwd, inner, then.pos, &then.stmts);
                    if let Some(e) = els {
                        inner_block(self, &mut fwd, inner, e.pos, std::slice::from_ref(&**e));
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    let inner = Targets {
                        breaks: Some(Breaks::For),
                        continues: true,
                        case_index: -1,
                    };
                    inner_block(self, &mut fwd, inner, body.pos, &body.stmts);
                }
                StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                    let type_switch = matches!(s.kind, StmtKind::TypeSwitch { .. });
                    let mut inner = Targets {
                        breaks: Some(Breaks::Switch {
                            type_switch,
                            clauses: body.len(),
                        }),
                        continues: ctxt.continues,
                        case_index: -1,
                    };
                    for (i, cc) in body.iter().enumerate() {
                        inner.case_index = i as isize;
                        inner_block(self, &mut fwd, inner, cc.pos, &cc.body);
                    }
                }
                StmtKind::Select { body } => {
                    let inner = Targets {
                        breaks: Some(Breaks::Select),
                        continues: ctxt.continues,
                        case_index: -1,
                    };
                    for cc in body {
                        inner_block(self, &mut fwd, inner, cc.pos, &cc.body);
                    }
                }
                _ => {}
            }
        }
        fwd
    }
}

fn labeled_kind(s: &Stmt) -> Labeled {
    match &s.kind {
        StmtKind::For { .. } | StmtKind::Range { .. } => Labeled::For,
        StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select { .. } => {
            Labeled::Breakable
        }
        // Including a labeled statement: `L1: L2: for` labels the loop with L2 only.
        _ => Labeled::Other,
    }
}

/// gc places a short variable declaration at its `:=`. The AST keeps no
/// operator position: take the column after the last left-hand name plus
/// one blank, as gofmt lays it out (`x, y := ...`).
pub(crate) fn define_op_pos(stmt: Pos, lhs: &[Expr]) -> Pos {
    match lhs.last() {
        Some(Expr {
            kind: ExprKind::Ident(n),
            pos,
            ..
        }) if pos.line == stmt.line => Pos {
            col: pos.col + n.len() as u32 + 1,
            ..*pos
        },
        _ => stmt,
    }
}
