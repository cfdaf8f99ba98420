#!/usr/bin/env python3
"""Render a BPMN file to PNG with bpmn-js (vaadin-ui/node_modules) and headless Debian Chromium.
usage: docs/processes/render.py bpmn/x.bpmn docs/processes/x.png (needs vaadin-ui/node_modules: run a build first)"""
import json, os, re, subprocess, sys, tempfile, shutil
src, out = sys.argv[1], sys.argv[2]
xml = open(src, encoding='utf-8').read()
xs = [(float(x) + float(w), float(y) + float(h)) for x, y, w, h in
      re.findall(r'<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', xml)]
minx = min(float(v) for v in re.findall(r'<dc:Bounds x="([-\d.]+)"', xml))
miny = min(float(v) for v in re.findall(r'<dc:Bounds x="[-\d.]+" y="([-\d.]+)"', xml))
w = int(max(p[0] for p in xs) - min(0, minx) + 60); h = int(max(p[1] for p in xs) - min(0, miny) + 60)
w = max(w - int(max(0, minx - 40)), 400); h = max(h - int(max(0, miny - 40)), 200)
nm = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'vaadin-ui', 'node_modules')
for cand in [nm, '/work/main/vaadin-ui/node_modules']:
    if os.path.exists(cand + '/bpmn-js/dist/bpmn-viewer.production.min.js'):
        nm = cand; break
d = tempfile.mkdtemp()
for f in ['bpmn-viewer.production.min.js', 'assets/bpmn-js.css', 'assets/diagram-js.css']:
    os.makedirs(os.path.dirname(os.path.join(d, f)), exist_ok=True)
    shutil.copy(os.path.join(nm, 'bpmn-js/dist', f), os.path.join(d, f))
shutil.copytree(os.path.join(nm, 'bpmn-js/dist/assets/bpmn-font'), os.path.join(d, 'assets/bpmn-font'))
html = ('<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="assets/bpmn-js.css">'
        '<link rel="stylesheet" href="assets/diagram-js.css"><style>html,body{margin:0;background:#fff;overflow:hidden;height:100%}'
        '#c{width:100vw;height:100vh}</style></head><body><div id="c"></div><script src="bpmn-viewer.production.min.js"></script>'
        '<script>const v=new BpmnJS({container:"#c"});v.importXML(' + json.dumps(xml) + ').then(()=>{v.get("canvas").zoom("fit-viewport")})'
        '.catch(e=>{document.title="err "+e})</script></body></html>')
open(os.path.join(d, 'index.html'), 'w').write(html)
subprocess.run(['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
                '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--allow-file-access-from-files',
                '--virtual-time-budget=5000', f'--window-size={w},{h}', '--screenshot=' + os.path.abspath(out),
                'file://' + d + '/index.html'], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(d)
print(out, w, h)
