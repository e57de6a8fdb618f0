"""Qualified electronic signatures (ЭЦП) of the acts that bind: the executive's approval (Form 1 PDF), the
planner's report (Form 2 PDF), a unit head's information (its canonical rendering). Signed in the browser with
NCALayer, verified on the server (`crypto`), kept with what they sign."""
