import { startView } from '../shared/app.js'; startView('prompt', { result() {} });
